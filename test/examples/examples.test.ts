import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import request from 'supertest';
import { createApp as createAuth } from '../../examples/auth';
import { createApp as createBasic } from '../../examples/basic';
import { createApp as createRateLimit } from '../../examples/rate-limit';

/** Starts `npm run example -- <name>` on an ephemeral port and returns its base URL and a stop. */
async function start(name: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', 'examples/run.ts', name], {
    cwd: path.join(__dirname, '..', '..'),
    env: { ...process.env, PORT: '0', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  const port = /localhost:(\d+)/.exec(chunk.toString())?.[1];
  if (port === undefined) throw new Error(`example ${name} printed ${chunk.toString()}`);
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

describe('examples run as a user starts them', () => {
  const invalidSignup: RequestInit = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"nope"}' };
  it.each<[string, string, number, RequestInit]>([
    ['basic', '/report', 503, {}],
    ['auth', '/documents/1', 401, {}],
    ['rate-limit', '/api/quote', 200, {}],
    ['localized', '/users/42', 404, {}],
    ['maintenance', '/report', 503, {}],
    ['openapi', '/openapi.json', 200, {}],
    ['unmatched', '/nowhere', 404, {}],
    ['interop', '/orders/7', 404, {}],
    ['validation', '/signup', 422, invalidSignup],
    ['metrics', '/metrics', 200, {}],
    ['middleware', '/api/photos', 401, {}],
    ['data-layer', '/users/42', 404, {}],
  ])('npm run example -- %s serves %s', async (name, route, status, init) => {
    const server = await start(name);
    try {
      const res = await fetch(server.url + route, init);
      expect(res.status).toBe(status);
    } finally {
      server.stop();
    }
  });
});

describe('examples/basic.ts', () => {
  const app = createBasic();

  it('answers /report in Korean with 503 and Retry-After', async () => {
    const res = await request(app).get('/report').set('Accept-Language', 'ko');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('120');
    expect(res.headers['content-language']).toBe('ko');
  });

  it('answers an unknown user with its detail and a crash with nothing internal', async () => {
    const missing = await request(app).get('/users/42');
    const crash = await request(app).get('/crash');
    expect(missing.body).toMatchObject({ status: 404, detail: 'No user 42' });
    expect(crash.status).toBe(500);
    expect(crash.text).not.toContain('secret');
  });
});

describe('examples/auth.ts', () => {
  const app = createAuth();

  it('challenges a request without credentials with Bearer', async () => {
    const res = await request(app).get('/documents/1');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="documents"');
  });

  it('says why a token was refused in the challenge', async () => {
    const res = await request(app).get('/documents/1').set('Authorization', 'Bearer nope');
    expect(res.headers['www-authenticate']).toBe('Bearer realm="documents", error="invalid_token", error_description="The token is unknown or expired"');
  });

  it('hides another user document behind a 404 and refuses a non-admin delete with 403', async () => {
    const hidden = await request(app).get('/documents/2').set('Authorization', 'Bearer alice-token');
    const own = await request(app).get('/documents/1').set('Authorization', 'Bearer alice-token');
    const denied = await request(app).delete('/documents/1').set('Authorization', 'Bearer alice-token');
    expect(hidden.status).toBe(404);
    expect(own.status).toBe(200);
    expect(denied.status).toBe(403);
    expect(denied.body.detail).toBe('Only administrators may delete documents.');
  });
});

describe('examples/rate-limit.ts', () => {
  it('answers past the limit with 429, Retry-After and the IETF RateLimit headers', async () => {
    const app = createRateLimit(2);
    await request(app).get('/api/quote').expect(200);
    await request(app).get('/api/quote').expect(200);
    const res = await request(app).get('/api/quote').set('Accept-Language', 'ko');
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(50);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(res.headers['ratelimit-policy']).toMatch(/^"quotes"; q=2; w=60(; pk=:[A-Za-z0-9+/=]+:)?$/);
    expect(res.headers.ratelimit).toMatch(/^"quotes"; r=0; t=\d+(; pk=:[A-Za-z0-9+/=]+:)?$/);
    expect(res.headers['content-language']).toBe('ko');
    expect(res.body).toMatchObject({ status: 429, detail: 'At most 2 requests a minute.', limit: 2 });
  });
});
