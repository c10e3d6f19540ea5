import request from 'supertest';
import { createApp, createExpressDefaultApp } from '../../examples/unmatched';

describe('examples/unmatched.ts', () => {
  it('answers an unknown path with a problem+json 404 where Express alone sends HTML', async () => {
    const ours = await request(createApp()).get('/nope');
    const theirs = await request(createExpressDefaultApp()).get('/nope');
    expect(ours.status).toBe(404);
    expect(ours.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(theirs.status).toBe(404);
    expect(theirs.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('answers a wrong method with 405 and Allow, and an unused method with 501', async () => {
    const app = createApp();
    const wrong = await request(app).post('/api/users/1');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('GET, HEAD, OPTIONS, PUT');
    expect((await request(app).patch('/api/users/1')).status).toBe(501);
  });

  it.each([
    ['/health', 'GET, HEAD, OPTIONS'],
    ['/api/users/1', 'GET, HEAD, OPTIONS, PUT'],
  ])('answers OPTIONS %s with 204 and Allow: %s, nested router or not', async (path, allow) => {
    const res = await request(createApp()).options(path);
    expect(res.status).toBe(204);
    expect(res.headers.allow).toBe(allow);
  });
});
