import type { Express } from 'express';
import request from 'supertest';
import { CATALOGS } from '../../../src';
import { createApp } from '../../../examples/data-layer';

const en = CATALOGS.en;
const ko = CATALOGS.ko;

describe('examples/data-layer.ts', () => {
  let app: Express;

  beforeAll(async () => {
    app = await createApp({ timeout: 100 });
  });

  it('answers a missing user with 404 from TypeORM findOneByOrFail()', async () => {
    const res = await request(app).get('/users/42');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ title: 'Not Found', detail: en.statuses[404].detail, instance: '/users/42' });
  });

  it('answers a taken e-mail with 409 from the unique index, without the address or the index', async () => {
    const res = await request(app).post('/users').send({ email: 'ada@example.com' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ title: 'Conflict', detail: en.phrases.dbUniqueViolation });
    expect(res.text).not.toMatch(/ada@example\.com|UNIQUE|user\.email|SQLITE/);
  });

  it('answers a negative age with 422 from the CHECK constraint', async () => {
    const res = await request(app).post('/users').send({ email: 'bob@example.com', age: -1 });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ title: 'Unprocessable Content', detail: en.phrases.dbInvalidValues });
    expect(res.text).not.toMatch(/CHECK|age" >= 0|SQLITE/);
  });

  it('creates a user whose values are fine', async () => {
    const res = await request(app).post('/users').send({ email: 'bob@example.com', age: 41 });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: 2 });
  });

  it('answers a refused upstream with a localised 502, without its address', async () => {
    const res = await request(app).get('/rates').set('Accept-Language', 'ko');
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ title: ko.statuses[502].title, detail: ko.phrases.upstreamUnreachable });
    expect(res.text).not.toMatch(/127\.0\.0\.1|fetch failed|ECONNREFUSED/);
  });

  it('answers an upstream that does not answer in time with 504', async () => {
    const res = await request(app).get('/weather');
    expect(res.status).toBe(504);
    expect(res.body).toMatchObject({ title: 'Gateway Timeout', detail: en.statuses[504].detail });
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
