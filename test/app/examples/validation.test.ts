import request from 'supertest';
import { CATALOGS } from '../../../src';
import { createApp } from '../../../examples/validation';

describe('examples/validation.ts', () => {
  const app = createApp();

  it('answers an invalid signup with 422 and one localised item per invalid member', async () => {
    const res = await request(app).post('/signup').set('Accept-Language', 'ko').send({ email: 'nope', password: 'short', tags: [1] });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.body.title).toBe(CATALOGS.ko.statuses[422].title);
    expect(res.body.errors.map((item: { pointer: string }) => item.pointer)).toEqual(['/email', '/password', '/tags/0']);
    for (const item of res.body.errors as { detail: string }[]) expect(item.detail).toMatch(/[가-힣]/u);
  });

  it('says the bound in the detail of a too-short value', async () => {
    const res = await request(app).post('/signup').send({ email: 'a@b.example', password: 'short' });
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/password', detail: 'Must be at least 12 characters long.' })]);
  });

  it('accepts a valid signup', async () => {
    const res = await request(app).post('/signup').send({ email: 'a@b.example', password: 'correct horse battery' });
    expect(res.status).toBe(201);
  });
});
