import request from 'supertest';
import { CATALOGS } from '../../../src';
import { createApp } from '../../../examples/maintenance';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('examples/maintenance.ts', () => {
  it('answers a browser during the window with the Korean page and the window end as an HTTP-date', async () => {
    const until = new Date(Date.now() + 2 * 3600_000);
    const res = await request(createApp({ until })).get('/report').set('Accept', BROWSER_ACCEPT).set('Accept-Language', 'ko-KR,ko;q=0.9');
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['retry-after']).toBe(until.toUTCString());
    expect(res.text).toContain(`<h1>${CATALOGS.ko.statuses[503].title}</h1>`);
    expect(res.text).toContain('<p class="retry">약 2시간 후에 다시 시도해 주십시오.</p>');
  });

  it('answers the dashboard with Retry-After: 120 and the wait in words', async () => {
    const res = await request(createApp()).get('/dashboard').set('Accept', BROWSER_ACCEPT).set('Accept-Language', 'ko-KR,ko;q=0.9');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('120');
    expect(res.text).toContain('<p class="retry">약 2분 후에 다시 시도해 주십시오.</p>');
  });

  it('answers an API client with problem+json for the same error', async () => {
    const res = await request(createApp()).get('/report').set('Accept', 'application/json');
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toEqual({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: CATALOGS.en.statuses[503].detail, instance: '/report' });
  });

  it('serves the report once the window has closed', async () => {
    const res = await request(createApp({ until: new Date(Date.now() - 1000) })).get('/report');
    expect(res.status).toBe(200);
    expect(res.text).toBe('Report ready\n');
  });

  it('escapes a search query that carries a script tag', async () => {
    const res = await request(createApp()).get('/search').query({ q: '<script>alert(1)</script>' }).set('Accept', BROWSER_ACCEPT);
    expect(res.status).toBe(404);
    expect(res.text).toContain('<p class="detail">Nothing matches &lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(res.text).not.toContain('<script');
  });
});
