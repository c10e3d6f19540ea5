import express from 'express';
import request from 'supertest';
import { CATALOGS, errorHandler, LOCALES, problemTypeDocs } from '../../../src';
import type { Catalog } from '../../../src';
import { ERROR_STATUSES, STATUS_REFERENCES, STATUSES } from '../../../src/core/status';
import { compile } from '../../helpers/ajv';

const BASE = 'https://example.com/problems';
const outOfCredit = {
  type: `${BASE}/out-of-credit`,
  status: 402,
  title: 'Out of <credit>',
  description: 'The account has too little credit.',
  extensions: { balance: 'number', account: { type: 'string', description: 'The account charged.' } },
} as const;

function serve(options: Parameters<typeof problemTypeDocs>[0] = { typeBaseUri: BASE, types: [outOfCredit] }): express.Express {
  const app = express();
  app.use('/problems', problemTypeDocs(options));
  app.use(errorHandler({ log: false }));
  return app;
}

describe('problemTypeDocs()', () => {
  const app = serve();

  it('answers every status slug with its localised page', async () => {
    for (const locale of LOCALES) {
      const res = await request(app).get('/problems/service-unavailable').set('Accept-Language', locale);
      expect([locale, res.status, res.headers['content-type'], res.headers['content-language']]).toEqual([locale, 200, 'text/html; charset=utf-8', locale]);
      const { title, detail } = CATALOGS[locale].statuses[503];
      expect(res.text).toContain(`<h1>${title}</h1>`);
      expect(res.text).toContain(detail);
      expect(res.text).toContain(`<html lang="${locale}">`);
      expect(res.text).toContain(CATALOGS[locale].phrases.docsHeaderRetryAfter);
      expect(res.text).toContain(CATALOGS[locale].phrases.docsSchemaHint);
    }
  });

  it('names the type URI, the status and the headers the status carries', async () => {
    const res = await request(app).get('/problems/request-timeout').set('Accept-Language', 'fr');
    expect(res.text).toContain(`<code>${BASE}/request-timeout</code>`);
    expect(res.text).toContain('<p class="status">408</p>');
    expect(res.text).toContain(`<li><code>Cache-Control</code> ${CATALOGS.fr.phrases.docsHeaderNoStore}</li>`);
    expect(res.text).toContain(`<li><code>Connection</code> ${CATALOGS.fr.phrases.docsHeaderConnectionClose}</li>`);
    const notFound = await request(app).get('/problems/not-found');
    expect(notFound.text).not.toContain('<h2>');
  });

  it('serves a page for a declared type under the base, with its extension members, escaped', async () => {
    const res = await request(app).get('/problems/out-of-credit').set('Accept-Language', 'de');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1>Out of &lt;credit&gt;</h1>');
    expect(res.text).toContain('The account has too little credit.');
    expect(res.text).toContain(`<h2>${CATALOGS.de.phrases.docsExtensions}</h2>`);
    expect(res.text).toContain('<li><code>balance</code> <code>number</code></li>');
    expect(res.text).toContain('<li><code>account</code> <code>string</code> The account charged.</li>');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'");
  });

  it('answers Accept: application/schema+json with the JSON Schema of the type bodies', async () => {
    const res = await request(app).get('/problems/out-of-credit').set('Accept', 'application/schema+json');
    expect(res.headers['content-type']).toBe('application/schema+json');
    expect(res.headers.vary).toBe('Accept, Accept-Language');
    const validate = compile(JSON.parse(res.text) as object);
    const body = { type: outOfCredit.type, title: 'Payment Required', status: 402, detail: 'x' };
    expect(validate({ ...body, balance: 3, account: 'a' })).toBe(true);
    expect(validate({ ...body, account: 'a' })).toBe(false);
    const status = await request(app).get('/problems/not-found').set('Accept', 'application/schema+json');
    expect(compile(JSON.parse(status.text) as object)({ type: `${BASE}/not-found`, title: 'Not Found', status: 404, detail: 'x' })).toBe(true);
  });

  it.each(ERROR_STATUSES)('has a page for %i', async (status) => {
    const res = await request(app).get(`/problems/${STATUS_REFERENCES[status].slug}`);
    expect([res.status, res.text.includes(`<p class="status">${status}</p>`)]).toEqual([200, true]);
  });

  it('answers an unknown or malformed slug with 404, and HEAD without a body', async () => {
    for (const path of ['/problems/nope', '/problems/%E0%A4%A', '/problems', '/problems/not-found/more']) {
      const res = await request(app).get(path);
      expect([path, res.status, res.headers['content-type']]).toEqual([path, 404, 'application/problem+json; charset=utf-8']);
    }
    const head = await request(app).head('/problems/not-found');
    expect([head.status, head.text, Number(head.headers['content-length']) > 0]).toEqual([200, undefined, true]);
  });

  it('passes other methods on', async () => {
    const res = await request(app).post('/problems/not-found');
    expect(res.status).toBe(404);
  });

  it('reads the base and the languages from the handler', async () => {
    const statuses = Object.fromEntries(ERROR_STATUSES.map((code) => [code, { title: `Errore ${code}`, detail: 'Qualcosa non va.' }]));
    const italian = { statuses: statuses as Catalog['statuses'], phrases: { ...CATALOGS.en.phrases, docsType: 'Tipo di problema' } };
    const handler = errorHandler({ typeBaseUri: BASE, catalogs: { it: italian }, log: false });
    const res = await request(serve({ handler })).get('/problems/gone').set('Accept-Language', 'it');
    expect([res.headers['content-language'], res.text.includes('<h1>Errore 410</h1>'), res.text.includes('Tipo di problema')]).toEqual(['it', true, true]);
  });

  it('refuses to start without a base, or with a handler that is not one', () => {
    expect(() => problemTypeDocs({})).toThrow('problemTypeDocs: typeBaseUri is required');
    expect(() => problemTypeDocs({ typeBaseUri: '/problems' })).toThrow(TypeError);
    expect(() => problemTypeDocs({ handler: () => undefined })).toThrow('problemTypeDocs: handler is not an errorHandler()');
  });
});
