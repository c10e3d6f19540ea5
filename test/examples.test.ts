import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../examples/basic';

describe('examples/basic.ts', () => {
  const app = createApp();

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

  it('starts with npm run example on the port given by PORT', async () => {
    const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', 'examples/run.ts'], {
      cwd: path.join(__dirname, '..'),
      env: { ...process.env, PORT: '0', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const [chunk] = (await once(child.stdout, "data")) as [Buffer];
      const port = /localhost:(\d+)/.exec(chunk.toString())?.[1];
      expect(port).toBeDefined();
    } finally {
      child.kill();
    }
  });
});
