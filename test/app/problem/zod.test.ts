import express from 'express';
import request from 'supertest';
import { z } from 'zod';
import { CATALOGS, errorHandler, NotFound, UnprocessableContent } from '../../../src';
import { mapZodError, toJsonPointer } from '../../../src/zod';

const Signup = z
  .object({
    email: z.email(),
    age: z.number().int().positive().max(130),
    name: z.string().min(2).max(5),
    tags: z.array(z.string()).max(1),
    role: z.enum(['admin', 'user']),
    step: z.number().multipleOf(5),
    'a/b~c': z.string(),
    password: z.string().refine((value) => value.length >= 12, { message: 'Use at least 12 characters.' }),
  })
  .strict();

const invalid = { email: 'x', age: 0, name: 'abcdefg', tags: ['a', 'b'], role: 'root', step: 7, 'a/b~c': 1, password: 'short', extra: true };

function app(): express.Express {
  const created = express();
  created.post('/signup', express.json(), (req, res) => {
    res.json(Signup.parse(req.body));
  });
  created.use(errorHandler({ log: false, map: mapZodError }));
  return created;
}

describe('mapZodError', () => {
  it('answers a ZodError with 422 and one English item per issue, with JSON Pointers', async () => {
    const res = await request(app()).post('/signup').send(invalid);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ title: 'Unprocessable Content', status: 422, detail: CATALOGS.en.statuses[422].detail });
    expect(res.body.errors).toEqual([
      { pointer: '/email', detail: 'Must be a valid email address.' },
      { pointer: '/age', detail: 'Must be greater than 0.' },
      { pointer: '/name', detail: 'Must be at most 5 characters long.' },
      { pointer: '/tags', detail: 'Must contain at most 1 item.' },
      { pointer: '/role', detail: 'Must be one of: "admin", "user".' },
      { pointer: '/step', detail: 'Must be a multiple of 5.' },
      { pointer: '/a~1b~0c', detail: 'Must be a string.' },
      { pointer: '/password', detail: 'Use at least 12 characters.' },
      { pointer: '/extra', detail: 'This field is not allowed here.' },
    ]);
    expect(res.text).not.toMatch(/Invalid|Too big|Too small/);
  });

  it('renders the items in the client language', async () => {
    const res = await request(app()).post('/signup').set('Accept-Language', 'ko').send({ ...invalid, email: 'a@b.co' });
    expect(res.body.errors[0]).toEqual({ pointer: '/age', detail: '0보다 커야 합니다.' });
    expect(res.body.errors[1]).toEqual({ pointer: '/name', detail: '5자 이하여야 합니다.' });
  });

  it('keeps the ZodError, unchanged, as the cause', () => {
    const result = Signup.safeParse(invalid);
    if (result.success) throw new Error('expected a failure');
    const issues = JSON.stringify(result.error.issues);
    const mapped = mapZodError(result.error);
    expect(mapped).toBeInstanceOf(UnprocessableContent);
    expect(mapped?.cause).toBe(result.error);
    expect(JSON.stringify(result.error.issues)).toBe(issues);
  });

  it('reads inclusive and exclusive bounds, items and dates, and keeps numbers and dates as such', () => {
    const schema = z.object({ a: z.number().min(3), b: z.number().lt(3), c: z.array(z.number()).min(2), d: z.date().min(new Date(Date.UTC(2030, 0, 1))) });
    const result = schema.safeParse({ a: 1, b: 5, c: [], d: new Date(0) });
    if (result.success) throw new Error('expected a failure');
    const details = mapZodError(result.error)?.errors?.map((item) => item.detail);
    expect(details).toEqual([
      expect.objectContaining({ key: 'zodTooSmall', params: { minimum: 3 } }),
      expect.objectContaining({ key: 'zodTooBigExclusive', params: { maximum: 3 } }),
      expect.objectContaining({ key: 'zodTooFewItems', params: { minimum: 2 } }),
      expect.objectContaining({ key: 'zodDateTooEarly', params: { minimum: new Date(Date.UTC(2030, 0, 1)) } }),
    ]);
  });

  it('gives the neutral format sentence to a pattern check, and the generic phrase to a union and zod default messages', () => {
    const schema = z.object({ a: z.string().regex(/^x$/), b: z.union([z.string(), z.number()]), c: z.string().refine(() => false) });
    const result = schema.safeParse({ a: 'y', b: true, c: 'z' });
    if (result.success) throw new Error('expected a failure');
    expect(mapZodError(result.error)?.errors?.map((item) => item.detail)).toEqual([
      expect.objectContaining({ key: 'zodInvalidFormat', params: { format: 'other', name: '' } }),
      expect.objectContaining({ key: 'zodInvalid' }),
      expect.objectContaining({ key: 'zodInvalid' }),
    ]);
  });

  it('points at the root with an empty pointer', () => {
    const result = z.string().safeParse(1);
    if (result.success) throw new Error('expected a failure');
    expect(mapZodError(result.error)?.errors).toEqual([{ pointer: '', detail: expect.objectContaining({ key: 'zodInvalidType' }) }]);
  });

  it('returns undefined for anything that is not a ZodError', () => {
    for (const value of [new Error('x'), new NotFound(), { name: 'ZodError', issues: [] }, null, 'ZodError']) expect(mapZodError(value)).toBeUndefined();
  });

  it.each([
    [[], ''],
    [['a'], '/a'],
    [['a/b', 0, 'm~n'], '/a~1b/0/m~0n'],
    [['~1'], '/~01'],
    [[''], '/'],
  ])('writes the path %j as the JSON Pointer %s', (path, pointer) => {
    expect(toJsonPointer(path)).toBe(pointer);
  });
});
