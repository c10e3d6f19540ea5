/**
 * Every source's real errors, raised by the real packages in a real Express app, fed to
 * every built-in reader: each is claimed by its own reader and by no other.
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
async function sources(): Promise<[source: string, reader: string | undefined, error: unknown][]> {
  const post = (agent: import('supertest').Agent): import('supertest').Test => agent.post('/it');
  return [
    ['http-errors', undefined, createError(503, { headers: { 'Retry-After': '5' } })],
    ['our NotFound', undefined, new NotFound()],
    ['body-parser', 'bodyParser', await raised([express.json()], (a) => post(a).set('Content-Type', 'application/json').send('{"a":'))],
    ['Boom', 'boom', Boom.unauthorized('expired', 'Bearer')],
    ['zod', undefined, z.object({ a: z.string() }).safeParse({}).error],
    ['express-jwt', 'expressJwt', await raised([jwt], (a) => a.get('/it'))],
    ['express-jwt, bad token', 'expressJwt', await raised([jwt], (a) => a.get('/it').set('Authorization', 'Bearer x.y.z'))],
    ['express-oauth2-jwt-bearer', 'oauth2JwtBearer', await raised([oauth], (a) => a.get('/it'))],
    ['express-oauth2-jwt-bearer, scope', 'oauth2JwtBearer', await raised([oauth, requiredScopes('read')], (a) => a.get('/it').set('Authorization', `Bearer ${token()}`))],
    ['multer', 'multer', await raised([upload.single('f')], (a) => post(a).attach('f', Buffer.from('too big'), 'f.txt'))],
    ['busboy', 'busboy', await raised([upload.none()], (a) => post(a).set('Content-Type', 'multipart/form-data; boundary=b').send('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nx'))],
    [
      'express-validator throw()',
      'expressValidator',
      await raised([express.json(), body('a').isInt(), (req, _res, next) => next(catching(() => validationResult(req).throw()))], (a) => post(a).send({ a: 'x' })),
    ],
    ['express-validator Result', 'expressValidator', await raised([express.json(), body('a').isInt(), (req, _res, next) => next(validationResult(req))], (a) => post(a).send({ a: 'x' }))],
    ['express-openapi-validator', 'openApiValidator', await raised([express.json(), ...(OpenApiValidator.middleware({ apiSpec: apiSpec as never }) as RequestHandler[])], (a) => post(a).send({}))],
    ['celebrate', 'celebrate', await raised([express.json(), celebrate({ [Segments.BODY]: Joi.object({ a: Joi.number() }) })], (a) => post(a).send({ a: 'x' }))],
    ['joi', 'celebrate', Joi.object({ a: Joi.number() }).validate({ a: 'x' }).error],
    ['csrf-csrf', 'csrf', await raised([cookieParser(), doubleCsrf({ getSecret: () => 's', getSessionIdentifier: () => 'i' }).doubleCsrfProtection], post)],
    ['csurf', 'csrf', await raised([cookieParser(), csurf({ cookie: true })], post)],
  ];
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
  let table: Awaited<ReturnType<typeof sources>>;
  beforeAll(async () => {
    table = await sources();
  });

  it('have distinct names', () => {
    const names = READERS.map((reader) => reader.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['expressJwt', 'oauth2JwtBearer', 'multer', 'busboy', 'expressValidator', 'openApiValidator', 'celebrate', 'csrf']));
  });

  it('each claim the real errors of their own source, and no other source claims them', () => {
    const claims = table.map(([source, , error]) => [source, READERS.filter((reader) => reader.read(error as Record<string, unknown>) !== undefined).map((reader) => reader.name)]);
    expect(claims).toEqual(table.map(([source, reader]) => [source, reader === undefined ? [] : [reader]]));
  });
});
