import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import request from 'supertest';
import { CATALOGS } from '../../../src';
import { createApp } from '../../../examples/localized';

describe('examples/localized.ts', () => {
  const app = createApp();

  it('answers an unknown user in Korean for ko-KR', async () => {
    const res = await request(app).get('/users/42').set('Accept-Language', 'ko-KR');
    expect(res.status).toBe(404);
    expect(res.headers['content-language']).toBe('ko');
    expect(res.body).toMatchObject({ title: '페이지 없음', detail: 'ID가 42인 사용자를 찾을 수 없습니다.' });
  });

  it('pluralises the cart limit in English', async () => {
    const res = await request(app).get('/cart?add=3').set('Accept-Language', 'en');
    expect(res.status).toBe(409);
    expect(res.body.detail).toBe('Your cart holds at most 10 items; it has 11.');
  });

  it('localises each invalid field and lets ?lang= win over Accept-Language', async () => {
    const res = await request(app).get('/signup?email=nope&age=12&lang=ko').set('Accept-Language', 'en');
    expect(res.status).toBe(422);
    expect(res.headers['content-language']).toBe('ko');
    expect(res.body.errors).toEqual([
      { pointer: '/email', detail: '올바른 이메일 주소를 입력해 주십시오.' },
      { pointer: '/age', detail: '14세 이상만 가입할 수 있습니다.' },
    ]);
  });

  it('selects the text by role and falls back to English for a language without messages', async () => {
    const res = await request(app).get('/orders/7?as=guest').set('Accept-Language', 'zh-TW');
    expect(res.headers['content-language']).toBe('zh-Hant');
    expect(res.body).toMatchObject({ title: CATALOGS['zh-Hant'].statuses[403].title, detail: 'Sign in to see order 7.' });
  });

  it('starts with npm run example -- localized', async () => {
    const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', 'examples/run.ts', 'localized'], {
      cwd: path.join(__dirname, '..', '..', '..'),
      env: { ...process.env, PORT: '0', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
      expect(chunk.toString()).toMatch(/example "localized" on http:\/\/localhost:\d+/);
    } finally {
      child.kill();
    }
  });
});
