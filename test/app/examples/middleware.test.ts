import request from 'supertest';
import { CATALOGS } from '../../../src';
import { createApp } from '../../../examples/middleware';

describe('examples/middleware.ts', () => {
  const app = createApp();
  const tokenOf = async (): Promise<string> => ((await request(app).post('/token')).body as { token: string }).token;

  it('challenges a request without a token with the app realm', async () => {
    const res = await request(app).get('/api/photos').set('Accept-Language', 'ko');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="photos"');
    expect(res.body.detail).toBe(CATALOGS.ko.phrases.jwtCredentialsRequired);
    // helmet's and express-rate-limit's headers stay on the error response.
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['ratelimit-policy']).toMatch(/q=100; w=60/);
  });

  it('answers a bad token with error="invalid_token"', async () => {
    const res = await request(app).get('/api/photos').set('Authorization', 'Bearer nope');
    expect(res.headers['www-authenticate']).toBe('Bearer realm="photos", error="invalid_token"');
  });

  it('answers an empty title with 422 naming the field', async () => {
    const res = await request(app).post('/api/photos').set('Authorization', `Bearer ${await tokenOf()}`).field('title', ' ');
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ pointer: '/title', detail: 'A title of 1 to 80 characters.' }]);
  });

  it('answers a file that is not an image with 415 and one in the wrong field with 400', async () => {
    const token = await tokenOf();
    const text = await request(app).post('/api/photos').set('Authorization', `Bearer ${token}`).field('title', 'Cat').attach('photo', Buffer.from('hi'), 'a.txt');
    const wrong = await request(app).post('/api/photos').set('Authorization', `Bearer ${token}`).attach('avatar', Buffer.from('x'), { filename: 'a.png', contentType: 'image/png' });
    expect(text.status).toBe(415);
    expect(text.body.detail).toBe('Only images can be uploaded.');
    expect(wrong.status).toBe(400);
    expect(wrong.body.detail).toBe('The field "avatar" does not take a file here.');
  });

  it('accepts an image with a title', async () => {
    const res = await request(app).post('/api/photos').set('Authorization', `Bearer ${await tokenOf()}`).field('title', 'Cat').attach('photo', Buffer.from('png'), { filename: 'cat.png', contentType: 'image/png' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ title: 'Cat', bytes: 3 });
  });

  it('keeps 405 with Allow behind all of this middleware', async () => {
    const res = await request(app).delete('/api/photos').set('Authorization', `Bearer ${await tokenOf()}`);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS, POST');
  });
});
