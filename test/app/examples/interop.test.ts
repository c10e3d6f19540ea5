import request from 'supertest';
import { CATALOGS } from '../../../src';
import { createApp } from '../../../examples/interop';

describe('examples/interop.ts', () => {
  const app = createApp();

  it('answers an invalid user with a Korean 422 listing each field', async () => {
    const res = await request(app).post('/users').set('Accept-Language', 'ko').send({ email: 'x', age: 0 });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { pointer: '/email', detail: '올바른 이메일 주소여야 합니다.' },
      { pointer: '/age', detail: '0보다 커야 합니다.' },
    ]);
  });

  it('answers a malformed JSON body with a localised 400', async () => {
    const res = await request(app).post('/users').set('Content-Type', 'application/json').send('{"email":');
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe(CATALOGS.en.phrases.bodyParseFailed);
  });

  it('maps the ORM error of an async route to 404 with the trace id', async () => {
    const res = await request(app).get('/orders/7').set('traceparent', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ detail: 'No such order', traceId: '4bf92f3577b34da6a3ce929d0e0e4736' });
  });
});
