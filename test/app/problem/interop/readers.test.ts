/**
 * Every source's real errors, raised by the real packages (middleware in a real Express app,
 * databases and HTTP clients as `test/helpers/foreign-errors.ts` raises them), fed to every
 * built-in reader: each is claimed by its own reader and by no other, and answers its status.
 */
import Boom from '@hapi/boom';
import { doubleCsrf } from 'csrf-csrf';
import csurf from 'csurf';
import express from 'express';
import type { RequestHandler } from 'express';
import { expressjwt } from 'express-jwt';
import { auth, requiredScopes } from 'express-oauth2-jwt-bearer';
import * as OpenApiValidator from 'express-openapi-validator';
import { body, validationResult } from 'express-validator';
import createError from 'http-errors';
import Joi from 'joi';
import multer from 'multer';
import { z } from 'zod';
import { NotFound } from '../../../../src';
import { READERS } from '../../../../src/problem/interop';
import { normalizeError } from '../../../../src/problem/normalize';
import { foreignSamples } from '../../../helpers/foreign-errors';
import type { ForeignSample } from '../../../helpers/foreign-errors';
import { AUDIENCE, ISSUER, raised, SECRET, token } from '../../../helpers/middleware';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { celebrate, Segments } = require('celebrate') as typeof import('celebrate', { with: { 'resolution-mode': 'import' } });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cookieParser = require('cookie-parser') as () => RequestHandler;

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 1 } });
const jwt = expressjwt({ secret: SECRET, algorithms: ['HS256'] });
const oauth = auth({ secret: SECRET, issuer: ISSUER, audience: AUDIENCE, tokenSigningAlg: 'HS256' });
const apiSpec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: { '/it': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['name'] } } } }, responses: { 200: { description: 'ok' } } } } },
};

/** Each source's errors, raised for real; a name of `undefined` means no reader may claim it. */
async function middlewareSamples(): Promise<ForeignSample[]> {
  const post = (agent: import('supertest').Agent): import('supertest').Test => agent.post('/it');
  const table: [label: string, reader: string | undefined, status: number, error: unknown][] = [
    ['http-errors', undefined, 503, createError(503, { headers: { 'Retry-After': '5' } })],
    ['our NotFound', undefined, 404, new NotFound()],
    ['body-parser', 'bodyParser', 400, await raised([express.json()], (a) => post(a).set('Content-Type', 'application/json').send('{"a":'))],
    ['Boom', 'boom', 401, Boom.unauthorized('expired', 'Bearer')],
    ['zod', undefined, 500, z.object({ a: z.string() }).safeParse({}).error],
    ['express-jwt', 'expressJwt', 401, await raised([jwt], (a) => a.get('/it'))],
    ['express-jwt, bad token', 'expressJwt', 401, await raised([jwt], (a) => a.get('/it').set('Authorization', 'Bearer x.y.z'))],
    ['express-oauth2-jwt-bearer', 'oauth2JwtBearer', 401, await raised([oauth], (a) => a.get('/it'))],
    ['express-oauth2-jwt-bearer, scope', 'oauth2JwtBearer', 403, await raised([oauth, requiredScopes('read')], (a) => a.get('/it').set('Authorization', `Bearer ${token()}`))],
    ['multer', 'multer', 413, await raised([upload.single('f')], (a) => post(a).attach('f', Buffer.from('too big'), 'f.txt'))],
    ['busboy', 'busboy', 400, await raised([upload.none()], (a) => post(a).set('Content-Type', 'multipart/form-data; boundary=b').send('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nx'))],
    [
      'express-validator throw()',
      'expressValidator',
      422,
      await raised([express.json(), body('a').isInt(), (req, _res, next) => next(catching(() => validationResult(req).throw()))], (a) => post(a).send({ a: 'x' })),
    ],
    ['express-validator Result', 'expressValidator', 422, await raised([express.json(), body('a').isInt(), (req, _res, next) => next(validationResult(req))], (a) => post(a).send({ a: 'x' }))],
    ['express-openapi-validator', 'openApiValidator', 400, await raised([express.json(), ...(OpenApiValidator.middleware({ apiSpec: apiSpec as never }) as RequestHandler[])], (a) => post(a).send({}))],
    ['celebrate', 'celebrate', 422, await raised([express.json(), celebrate({ [Segments.BODY]: Joi.object({ a: Joi.number() }) })], (a) => post(a).send({ a: 'x' }))],
    ['joi', 'celebrate', 422, Joi.object({ a: Joi.number() }).validate({ a: 'x' }).error],
    ['csrf-csrf', 'csrf', 403, await raised([cookieParser(), doubleCsrf({ getSecret: () => 's', getSessionIdentifier: () => 'i' }).doubleCsrfProtection], post)],
    ['csurf', 'csrf', 403, await raised([cookieParser(), csurf({ cookie: true })], post)],
  ];
  return table.map(([label, reader, status, error]) => ({ label, reader: reader ?? 'none', status, error }));
}

function catching(run: () => void): unknown {
  try {
    run();
    return new Error('nothing was thrown');
  } catch (error) {
    return error;
  }
}

describe('the interop readers', () => {
  let middleware: ForeignSample[] = [];
  let others: ForeignSample[] = [];
  let samples: ForeignSample[] = [];
  beforeAll(async () => {
    middleware = await middlewareSamples();
    others = await foreignSamples();
    samples = [...middleware, ...others];
  }, 60_000);

  it('have distinct names', () => {
    const names = READERS.map((reader) => reader.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('have a sample of every source they read', () => {
    expect(new Set(samples.map((sample) => sample.reader))).toEqual(new Set([...READERS.map((reader) => reader.name), 'none']));
  });

  it('claim only their own source: every reader is fed every sample', () => {
    const claims = samples.map(({ label, error }) => ({
      label,
      claimedBy: READERS.filter((reader) => reader.read(error as Readonly<Record<string, unknown>>) !== undefined).map((reader) => reader.name),
    }));
    expect(claims).toEqual(samples.map(({ label, reader }) => ({ label, claimedBy: reader === 'none' ? [] : [reader] })));
  });

  it('answer each sample with its status', () => {
    expect(samples.map(({ label, error }) => ({ label, status: normalizeError(error).status }))).toEqual(samples.map(({ label, status }) => ({ label, status })));
  });

  it('answer the database and upstream samples with a 500 when all are off, but the ones with a status of their own', () => {
    const statuses = others.map(({ label, error }) => ({ label, status: normalizeError(error, []).status }));
    const own = new Set(['http-errors 404', 'our NotFound', 'body-parser entity.parse.failed', 'axios 503 with Retry-After', 'axios 404']);
    // body-parser's errors carry an http-errors status; an axios error its response's.
    expect(statuses.filter(({ status }) => status !== 500).map(({ label }) => label)).toEqual(others.filter(({ label }) => own.has(label)).map(({ label }) => label));
  });
});
