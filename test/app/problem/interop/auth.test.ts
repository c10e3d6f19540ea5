import { expressjwt } from 'express-jwt';
import { auth, requiredScopes } from 'express-oauth2-jwt-bearer';
import request from 'supertest';
import { CATALOGS, errorHandler, Unauthorized } from '../../../../src';
import { AUDIENCE, guarded, ISSUER, SECRET, token } from '../../../helpers/middleware';
import express from 'express';

const en = CATALOGS.en.phrases;
const ko = CATALOGS.ko.phrases;
const DPOP = 'DPoP algs="RS256 RS384 RS512 PS256 PS384 PS512 ES256 ES256K ES384 ES512 EdDSA"';

type Send = (test: request.Test) => request.Test;
const none: Send = (test) => test;
const authorization =
  (value: string): Send =>
  (test) =>
    test.set('Authorization', value);

describe('interop: express-jwt', () => {
  const jwt = expressjwt({ secret: SECRET, algorithms: ['HS256'], isRevoked: async (_req, decoded) => (decoded?.payload as { sub?: string }).sub === 'revoked' });

  it.each<[string, Send, string, string]>([
    ['no credentials', none, 'Bearer', en.jwtCredentialsRequired],
    ['another scheme', authorization('Basic dXNlcjpwYXNz'), 'Bearer', en.jwtBadScheme],
    ['a malformed header', authorization('Bearer a b'), 'Bearer error="invalid_request"', en.jwtBadFormat],
    ['a bad token', authorization('Bearer not.a.jwt'), 'Bearer error="invalid_token"', en.jwtInvalidToken],
    ['an expired token', authorization(`Bearer ${token({}, -10)}`), 'Bearer error="invalid_token"', en.jwtExpiredToken],
    ['a revoked token', authorization(`Bearer ${token({ sub: 'revoked' })}`), 'Bearer error="invalid_token"', en.jwtRevokedToken],
  ])('answers %s with 401 and the RFC 6750 challenge', async (_case, send, challenge, detail) => {
    const res = await send(request(guarded([jwt])).get('/it'));
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe(challenge);
    expect(res.body).toMatchObject({ title: 'Unauthorized', status: 401, detail });
    expect(res.text).not.toMatch(/jwt expired|jwt malformed|Format is/);
  });

  it('localises the detail and completes the default challenge with its error', async () => {
    const res = await request(guarded([jwt], { challenge: { scheme: 'Bearer', realm: 'api' } }))
      .get('/it')
      .set('Authorization', `Bearer ${token({}, -10)}`)
      .set('Accept-Language', 'ko');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="api", error="invalid_token"');
    expect(res.body.detail).toBe(ko.jwtExpiredToken);
  });

  it('lets a valid token through', async () => {
    const res = await request(guarded([jwt])).get('/it').set('Authorization', `Bearer ${token()}`);
    expect(res.status).toBe(200);
  });
});

describe('interop: express-oauth2-jwt-bearer', () => {
  const verify = auth({ secret: SECRET, issuer: ISSUER, audience: AUDIENCE, tokenSigningAlg: 'HS256' });

  it.each<[string, Send, number, string, string]>([
    ['no credentials (UnauthorizedError)', none, 401, `Bearer realm="api", ${DPOP}`, en.jwtCredentialsRequired],
    ['a malformed header (InvalidRequestError)', authorization('Bearer a b'), 400, `Bearer realm="api", ${DPOP}`, en.jwtInvalidRequest],
    ['a bad token (InvalidTokenError)', authorization('Bearer not.a.jwt'), 401, `Bearer realm="api", error="invalid_token", ${DPOP}`, en.jwtInvalidToken],
    ['an expired token', authorization(`Bearer ${token({}, -10)}`), 401, `Bearer realm="api", error="invalid_token", ${DPOP}`, en.jwtExpiredToken],
  ])('answers %s with its status and the challenge it carries, without its description', async (_case, send, status, challenge, detail) => {
    const res = await send(request(guarded([verify], { strict: true })).get('/it'));
    expect(res.status).toBe(status);
    expect(res.headers['www-authenticate']).toBe(challenge);
    expect(res.body).toMatchObject({ status, detail });
    expect(res.text).not.toMatch(/Invalid Compact JWS|claim timestamp/);
  });

  it('answers a token without the scope with 403, error="insufficient_scope" and the scope', async () => {
    const res = await request(guarded([verify, requiredScopes('read:docs')]))
      .get('/it')
      .set('Authorization', `Bearer ${token({ scope: 'write:docs' })}`);
    expect(res.status).toBe(403);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="api", error="insufficient_scope", scope="read:docs"');
    expect(res.body).toMatchObject({ title: 'Forbidden', detail: en.jwtInsufficientScope });
  });

  it('puts the app realm in place of its fixed one when a default challenge is set', async () => {
    const res = await request(guarded([verify], { challenge: { scheme: 'Bearer', realm: 'documents' } }))
      .get('/it')
      .set('Authorization', 'Bearer not.a.jwt');
    expect(res.headers['www-authenticate']).toBe(`Bearer realm="documents", error="invalid_token", ${DPOP}`);
  });

  it('never sends a challenge parameter it cannot vouch for', async () => {
    const forged = Object.assign(new Error('x'), {
      name: 'InvalidTokenError',
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token", error_description="Unsupported algorithm \\"<script>\\"", evil="1"' },
    });
    const app = express();
    app.get('/it', () => {
      throw forged;
    });
    app.use(errorHandler({ log: false }));
    const res = await request(app).get('/it');
    expect(res.headers['www-authenticate']).toBe('Bearer realm="api", error="invalid_token"');
  });
});

describe('errorHandler({ challenge })', () => {
  function app(error: unknown, challenge?: Parameters<typeof errorHandler>[0]): express.Express {
    const a = express();
    a.get('/it', () => {
      throw error;
    });
    a.use(errorHandler({ log: false, ...challenge }));
    return a;
  }

  it('completes a 401 that arrives without a challenge', async () => {
    const bare = Object.assign(new Error('Unauthorized'), { status: 401, expose: true });
    const res = await request(app(bare, { challenge: { scheme: 'Bearer', realm: 'api' } })).get('/it');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="api"');
  });

  it('accepts a challenge written as a string, or several', async () => {
    const bare = Object.assign(new Error('x'), { status: 401 });
    const one = await request(app(bare, { challenge: 'Basic realm="api"' })).get('/it');
    const two = await request(app(bare, { challenge: [{ scheme: 'Basic', realm: 'api' }, { scheme: 'Bearer' }] })).get('/it');
    expect(one.headers['www-authenticate']).toBe('Basic realm="api"');
    expect(two.headers['www-authenticate']).toBe('Basic realm="api", Bearer');
  });

  it('lists a source challenge of another scheme after the default', async () => {
    const jwt = expressjwt({ secret: SECRET, algorithms: ['HS256'] });
    const res = await request(guarded([jwt], { challenge: { scheme: 'Basic', realm: 'api' } }))
      .get('/it')
      .set('Authorization', 'Bearer x.y.z');
    expect(res.headers['www-authenticate']).toBe('Basic realm="api", Bearer error="invalid_token"');
  });

  it('leaves the challenge of an error that has one as it is, and other statuses alone', async () => {
    const own = await request(app(new Unauthorized({ scheme: 'Basic', realm: 'admin' }), { challenge: { scheme: 'Bearer', realm: 'api' } })).get('/it');
    const forbidden = await request(app(Object.assign(new Error('x'), { status: 403 }), { challenge: { scheme: 'Bearer', realm: 'api' } })).get('/it');
    expect(own.headers['www-authenticate']).toBe('Basic realm="admin"');
    expect(forbidden.headers['www-authenticate']).toBeUndefined();
  });

  it('still sends the Bearer challenge a source implies without the option', async () => {
    const jwt = expressjwt({ secret: SECRET, algorithms: ['HS256'] });
    const res = await request(guarded([jwt])).get('/it');
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it.each([{ scheme: 'not a token' }, '', 'Bearer realm="ä"', 42, [{}]])('refuses %j as a challenge when the handler is created', (value) => {
    expect(() => errorHandler({ challenge: value as never })).toThrow(TypeError);
  });
});
