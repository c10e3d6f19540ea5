import fc from 'fast-check';
import request from 'supertest';
import { CATALOGS, errorHandler, escapeHtml, NotFound, ServiceUnavailable, TooManyRequests, Unauthorized, UnprocessableContent } from '../../../src';
import { FORMATS } from '../../../src/render/formats';
import type { Format, RenderHtml } from '../../../src';
import { checkFormats, createFormatNegotiator } from '../../../src/render/formats';
import { handing, throwing } from '../../helpers/app';

const ACCEPT: Readonly<Record<Format, string>> = {
  'problem+json': 'application/problem+json',
  json: 'application/json',
  html: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8',
  text: 'text/plain',
};
const CONTENT_TYPE: Readonly<Record<Format, string>> = {
  'problem+json': 'application/problem+json; charset=utf-8',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  text: 'text/plain; charset=utf-8',
};
const CSP = "default-src 'none'; style-src 'unsafe-inline'";

// The three statuses of the issue, each with the header its status carries.
const ERRORS = {
  503: { make: () => new ServiceUnavailable(120), header: ['retry-after', '120'] },
  404: { make: () => new NotFound('No user 42'), header: undefined },
  401: { make: () => new Unauthorized('Bearer realm="api"'), header: ['www-authenticate', 'Bearer realm="api"'] },
} as const;
type Status = keyof typeof ERRORS;
const STATUSES = [503, 404, 401] as const;
const LOCALES = ['en', 'ko'] as const;

const cases = FORMATS.flatMap((format) => STATUSES.flatMap((status) => LOCALES.map((locale) => [format, status, locale] as const)));

function detailOf(status: Status, locale: 'en' | 'ko'): string {
  return status === 404 ? 'No user 42' : CATALOGS[locale].statuses[status].detail;
}

describe('errorHandler: every format', () => {
  it.each(cases)('answers Accept for %s with its Content-Type and headers (%i, %s)', async (format, status, locale) => {
    const res = await request(throwing(ERRORS[status].make())).get('/boom').set('Accept', ACCEPT[format]).set('Accept-Language', locale);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toBe(CONTENT_TYPE[format]);
    expect(res.headers['content-language']).toBe(locale);
    expect(res.headers.vary).toBe('Accept-Language, Accept');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe(format === 'html' ? CSP : undefined);
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(res.text)));
    const header = ERRORS[status].header;
    if (header !== undefined) expect(res.headers[header[0]]).toBe(header[1]);
  });

  it.each(STATUSES.flatMap((status) => LOCALES.map((locale) => [status, locale] as const)))(
    'sends the same problem document as problem+json and as json (%i, %s)',
    async (status, locale) => {
      const app = throwing(ERRORS[status].make());
      const problem = await request(app).get('/boom').set('Accept', ACCEPT['problem+json']).set('Accept-Language', locale);
      const json = await request(app).get('/boom').set('Accept', ACCEPT.json).set('Accept-Language', locale);
      const expected = { type: 'about:blank', title: CATALOGS[locale].statuses[status].title, status, detail: detailOf(status, locale), instance: '/boom' };
      expect(JSON.parse(problem.text)).toEqual(expected);
      expect(JSON.parse(json.text)).toEqual(expected);
    },
  );

  it.each(STATUSES.flatMap((status) => LOCALES.map((locale) => [status, locale] as const)))(
    'writes text/plain as "status title: detail" in the language (%i, %s)',
    async (status, locale) => {
      const res = await request(throwing(ERRORS[status].make())).get('/boom').set('Accept', 'text/plain').set('Accept-Language', locale);
      expect(res.text).toBe(`${status} ${CATALOGS[locale].statuses[status].title}: ${detailOf(status, locale)}\n`);
    },
  );

  it.each(STATUSES.flatMap((status) => LOCALES.map((locale) => [status, locale] as const)))(
    'writes an HTML page with lang, title, heading and description (%i, %s)',
    async (status, locale) => {
      const res = await request(throwing(ERRORS[status].make())).get('/boom').set('Accept', ACCEPT.html).set('Accept-Language', locale);
      const { title, detail } = CATALOGS[locale].statuses[status];
      expect(res.text).toMatch(/^<!doctype html>\n<html lang="(en|ko)">/);
      expect(res.text).toContain(`<html lang="${locale}">`);
      expect(res.text).toContain(`<title>${status} ${title}</title>`);
      expect(res.text).toContain(`<h1>${title}</h1>`);
      expect(res.text).toContain(`<p class="description">${detail}</p>`);
      expect(res.text).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      if (status === 404) expect(res.text).toContain('<p class="detail">No user 42</p>');
      else expect(res.text).not.toContain('class="detail"');
    },
  );

  it.each([
    ['en', 'Please try again in 2 minutes or so.'],
    ['ko', '약 2분 후에 다시 시도해 주십시오.'],
  ] as const)('tells when to retry a 503 in words (%s)', async (locale, sentence) => {
    const res = await request(throwing(new ServiceUnavailable(120))).get('/boom').set('Accept', ACCEPT.html).set('Accept-Language', locale);
    expect(res.text).toContain(`<p class="retry">${sentence}</p>`);
  });

  it.each([
    ['en', 'Please try again in 2 minutes or so.'],
    ['ko', '약 2분 후에 다시 시도해 주십시오.'],
  ] as const)('tells when to retry a 429 in words (%s)', async (locale, sentence) => {
    const res = await request(throwing(new TooManyRequests(90))).get('/boom').set('Accept', ACCEPT.html).set('Accept-Language', locale);
    expect(res.status).toBe(429);
    expect(res.text).toContain(`<p class="retry">${sentence}</p>`);
  });

  it('shows the itemised errors of a 422 in the page and in plain text', async () => {
    const error = new UnprocessableContent({ detail: 'The form has 2 problems.', errors: [{ pointer: '/email', detail: 'is not an email' }, { pointer: '/age', detail: 'must be 18 or more' }] });
    const html = await request(throwing(error)).post('/boom').set('Accept', ACCEPT.html);
    const text = await request(throwing(error)).post('/boom').set('Accept', ACCEPT.text);
    expect(html.status).toBe(422);
    expect(html.text).toContain('<ul class="errors">\n<li><code>/email</code> is not an email</li>\n<li><code>/age</code> must be 18 or more</li>\n</ul>');
    expect(text.text).toBe('422 Unprocessable Content: The form has 2 problems.\n- /email: is not an email\n- /age: must be 18 or more\n');
  });

  it('gives the page no script, no external asset and no link', async () => {
    const res = await request(throwing(new ServiceUnavailable(120))).get('/boom').set('Accept', ACCEPT.html);
    expect(res.text).not.toMatch(/<script|<link|<img|<iframe|src=|href=|url\(|@import|https?:/i);
  });

  it('says nothing about retrying when there is no Retry-After', async () => {
    const res = await request(throwing(new ServiceUnavailable())).get('/boom').set('Accept', ACCEPT.html);
    expect(res.text).not.toContain('class="retry"');
  });

  it.each(FORMATS)('answers HEAD with headers but no body as %s', async (format) => {
    const res = await request(throwing(new ServiceUnavailable(120))).head('/boom').set('Accept', ACCEPT[format]);
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toBe(CONTENT_TYPE[format]);
    expect(Number(res.headers['content-length'])).toBeGreaterThan(0);
    expect(res.headers['retry-after']).toBe('120');
    expect(res.text).toBeUndefined();
    expect(res.body).toEqual({});
  });
});

describe('errorHandler: escaping', () => {
  const script = '<script>alert(1)</script>';

  it('shows a detail carrying a script tag as text in the HTML page', async () => {
    const res = await request(throwing(new NotFound(script))).get('/boom').set('Accept', ACCEPT.html);
    expect(res.text).toContain('<p class="detail">&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(res.text).not.toContain('<script');
  });

  it('escapes quotes and ampersands in every value placed in the page', async () => {
    const error = new NotFound(`"quoted" & 'single' </p><h1>x`);
    const res = await request(throwing(error)).get('/boom').set('Accept', ACCEPT.html);
    expect(res.text).toContain('<p class="detail">&quot;quoted&quot; &amp; &#39;single&#39; &lt;/p&gt;&lt;h1&gt;x</p>');
    expect(res.text.match(/<h1>/g)).toHaveLength(1);
  });

  it('keeps the script text as data in JSON and plain text', async () => {
    const json = await request(throwing(new NotFound(script))).get('/boom').set('Accept', ACCEPT.json);
    const text = await request(throwing(new NotFound(script))).get('/boom').set('Accept', ACCEPT.text);
    expect(JSON.parse(json.text).detail).toBe(script);
    expect(text.text).toBe(`404 Not Found: ${script}\n`);
  });
});

describe('errorHandler: renderHtml', () => {
  it('uses a custom renderer with the problem, the locale and the request', async () => {
    const calls: unknown[] = [];
    const renderHtml: RenderHtml = (problem, { locale, req }) => {
      calls.push([problem.status, locale, req.path]);
      return `<!doctype html><html lang="${locale}"><title>${escapeHtml(problem.title)}</title><h1>${escapeHtml(problem.detail)}</h1></html>`;
    };
    const res = await request(throwing(new NotFound('<b>gone</b>'), { renderHtml })).get('/boom').set('Accept', ACCEPT.html).set('Accept-Language', 'ko');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe(CONTENT_TYPE.html);
    expect(res.headers['content-security-policy']).toBe(CSP);
    expect(res.text).toBe(`<!doctype html><html lang="ko"><title>${CATALOGS.ko.statuses[404].title}</title><h1>&lt;b&gt;gone&lt;/b&gt;</h1></html>`);
    expect(calls).toEqual([[404, 'ko', '/boom']]);
  });

  it('does not call the custom renderer for other formats', async () => {
    const renderHtml = jest.fn(() => 'page');
    const res = await request(throwing(new NotFound(), { renderHtml })).get('/boom').set('Accept', ACCEPT.json);
    expect(res.headers['content-type']).toBe(CONTENT_TYPE.json);
    expect(renderHtml).not.toHaveBeenCalled();
  });

  it.each([
    ['throws', () => { throw new Error('template missing'); }],
    ['returns no string', () => undefined as unknown as string],
  ])('falls back to the built-in page when the custom renderer %s', async (_name, renderHtml: RenderHtml) => {
    const res = await request(throwing(new ServiceUnavailable(120), { renderHtml })).get('/boom').set('Accept', ACCEPT.html);
    expect(res.status).toBe(503);
    expect(res.text).toContain('<h1>Service Unavailable</h1>');
    expect(res.text).toContain('<p class="retry">Please try again in 2 minutes or so.</p>');
    expect(res.text).not.toContain('template missing');
  });

  it('refuses a renderHtml that is not a function when it is created', () => {
    expect(() => errorHandler({ renderHtml: 'page' as unknown as RenderHtml })).toThrow(TypeError);
  });
});

describe('errorHandler: the formats option', () => {
  it('answers every Accept with the only format left, without Vary: Accept', async () => {
    const app = throwing(new NotFound(), { formats: ['problem+json'] });
    for (const accept of Object.values(ACCEPT)) {
      const res = await request(app).get('/boom').set('Accept', accept);
      expect(res.headers['content-type']).toBe(CONTENT_TYPE['problem+json']);
      expect(res.headers.vary).toBe('Accept-Language');
    }
  });

  it('turns formats off: a request for text/html gets the default instead', async () => {
    const app = throwing(new NotFound(), { formats: ['problem+json', 'json'] });
    const html = await request(app).get('/boom').set('Accept', 'text/html');
    const json = await request(app).get('/boom').set('Accept', 'application/json');
    expect(html.headers['content-type']).toBe(CONTENT_TYPE['problem+json']);
    expect(json.headers['content-type']).toBe(CONTENT_TYPE.json);
    expect(html.headers.vary).toBe('Accept-Language, Accept');
  });

  it.each([
    ['no Accept', undefined],
    ['*/*', '*/*'],
    ['an Accept that fits no format', 'image/png'],
  ])('answers %s with the first listed format', async (_name, accept) => {
    const app = throwing(new NotFound(), { formats: ['html', 'problem+json'] });
    const req = request(app).get('/boom');
    const res = await (accept === undefined ? req : req.set('Accept', accept));
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe(CONTENT_TYPE.html);
  });

  it.each([
    ['image/png', 'problem+json'],
    ['application/xml', 'problem+json'],
    ['text/html;q=0', 'problem+json'],
    ['*/*;q=0', 'problem+json'],
    ['', 'problem+json'],
    ['garbage;;;,,,', 'problem+json'],
  ] as const)('never answers 406: Accept %j gets the default %s', async (accept, format) => {
    const res = await request(throwing(new NotFound())).get('/boom').set('Accept', accept);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe(CONTENT_TYPE[format]);
  });

  it.each([
    [[], /non-empty/],
    ['html', /non-empty/],
    [['html', 'xml'], /unknown format "xml"/],
    [['json', 'json'], /listed twice/],
  ])('refuses formats %j when it is created', (formats, message) => {
    expect(() => errorHandler({ formats: formats as unknown as Format[] })).toThrow(message);
  });

  it('does not change when the array given as the option is changed later', async () => {
    const formats: Format[] = ['text', 'json'];
    const app = throwing(new NotFound(), { formats });
    formats[0] = 'html';
    const res = await request(app).get('/boom');
    expect(res.headers['content-type']).toBe(CONTENT_TYPE.text);
  });
});

describe('errorHandler: hostile values in every format', () => {
  it.each(FORMATS)('answers a value that throws on every read with a 500 as %s, leaking nothing', async (format) => {
    const hostile = new Proxy({}, { get: () => { throw new Error('trap secret'); }, ownKeys: () => { throw new Error('trap secret'); } });
    const res = await request(handing(hostile)).get('/boom').set('Accept', ACCEPT[format]);
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toBe(CONTENT_TYPE[format]);
    expect(res.text).toContain(CATALOGS.en.statuses[500].detail);
    expect(res.text).not.toContain('secret');
  });
});

describe('createFormatNegotiator', () => {
  const negotiate = createFormatNegotiator(FORMATS);

  it.each([
    [undefined, 'problem+json'],
    ['*/*', 'problem+json'],
    ['application/*', 'problem+json'],
    ['application/problem+json', 'problem+json'],
    ['application/json', 'json'],
    ['application/json, application/problem+json', 'json'],
    ['application/json;q=0.5, application/problem+json', 'problem+json'],
    ['application/json, */*;q=0.1', 'json'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'html'],
    ['text/*', 'html'],
    ['text/plain', 'text'],
    ['TEXT/PLAIN', 'text'],
    ['text/plain; charset=utf-8', 'text'],
    ['text/plain; charset=iso-8859-1', 'problem+json'],
    ['text/html;q=0.1, text/plain;q=0.9', 'text'],
    ['image/png', 'problem+json'],
  ] as const)('picks for Accept %j the format %s', (accept, format) => {
    expect(negotiate(accept)).toBe(format);
  });

  it('reads only the head of a very long Accept', () => {
    const long = `text/plain, ${'application/x-unused;q=0.5, '.repeat(2000)}text/html`;
    expect(negotiate(long)).toBe('text');
  });

  it('answers the same for a repeated header, also after the cache was cleared', () => {
    const fresh = createFormatNegotiator(FORMATS);
    for (let i = 0; i < 600; i++) expect(fresh(`application/x-${i}, text/plain`)).toBe('text');
    expect(fresh('application/x-1, text/plain')).toBe('text');
  });

  it('always returns an enabled format and never throws, whatever the header', () => {
    const enabled: Format[] = ['html', 'text'];
    const pick = createFormatNegotiator(enabled);
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (accept) => {
        expect(enabled).toContain(pick(accept));
      }),
      { numRuns: 300 },
    );
  });

  it('copies and checks the formats it is given', () => {
    expect(checkFormats(undefined)).toEqual(['problem+json', 'json', 'html', 'text']);
    const given: Format[] = ['json'];
    expect(checkFormats(given)).not.toBe(given);
  });
});
