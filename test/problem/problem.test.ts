/**
 * toProblem(): any thrown value plus a catalog to a problem document and its headers.
 * Pure: no request, no response.
 */
import createError from 'http-errors';
import { MethodNotAllowed, message, NotFound, ServiceUnavailable, Unauthorized } from '../../src';
import { ERROR_STATUSES, STATUSES } from '../../src/core/status';
import { CATALOGS } from '../../src/i18n/locales';
import { toProblem } from '../../src/problem/problem';
import { construct } from '../helpers/errors';

const en = { catalog: CATALOGS.en };
const ko = { catalog: CATALOGS.ko };

describe('toProblem()', () => {
  it.each(ERROR_STATUSES)('gives a %i its status, localised title and description, and about:blank', (status) => {
    const { body } = toProblem(construct(status), ko);
    expect(body).toMatchObject({ type: 'about:blank', status, title: CATALOGS.ko.statuses[status].title, detail: CATALOGS.ko.statuses[status].detail });
  });

  it.each(ERROR_STATUSES.filter((status) => status >= 500 || (STATUSES[status] as { noStore?: boolean }).noStore === true))('marks a %i no-store', (status) => {
    expect(toProblem(construct(status), en).headers['Cache-Control']).toBe('no-store');
  });

  it.each<[string, unknown]>([
    ['a plain Error', new Error('password=hunter2')],
    ['a string', 'boom'],
    ['null', null],
    ['a status of 200', { status: 200, message: 'fine' }],
    ['a status of 999', { status: 999 }],
  ])('answers %s with a 500 that shows nothing of it', (_what, value) => {
    const { status, body, headers } = toProblem(value, en);
    expect(status).toBe(500);
    expect(body.detail).toBe(CATALOGS.en.statuses[500].detail);
    expect(JSON.stringify(body)).not.toContain('hunter2');
    expect(headers).toEqual({ 'Cache-Control': 'no-store' });
  });

  it('shows the detail of an exposed 4xx and hides that of a 5xx', () => {
    expect(toProblem(new NotFound('No user 42'), en).body.detail).toBe('No user 42');
    expect(toProblem(new ServiceUnavailable(5, { detail: 'db down' }), en).body.detail).toBe(CATALOGS.en.statuses[503].detail);
  });

  it('renders a message detail through resolve, and falls back to the description without one', () => {
    const error = new NotFound({ detail: message('user.missing', { id: 7 }) });
    expect(toProblem(error, { ...en, resolve: (m) => `missing ${String(m.params?.id)}` }).body.detail).toBe('missing 7');
    expect(toProblem(error, en).body.detail).toBe(CATALOGS.en.statuses[404].detail);
  });

  it('carries the header its status calls for', () => {
    expect(toProblem(new ServiceUnavailable(120), en).headers['Retry-After']).toBe('120');
    expect(toProblem(new MethodNotAllowed(['GET']), en).headers.Allow).toBe('GET');
    expect(toProblem(new Unauthorized('Bearer'), en).headers['WWW-Authenticate']).toBe('Bearer');
  });

  it('sets instance from the context unless the error names one, and type from the type map', () => {
    expect(toProblem(new NotFound(), { ...en, instance: '/users/7' }).body.instance).toBe('/users/7');
    expect(toProblem(new NotFound({ instance: '/x' }), { ...en, instance: '/users/7' }).body.instance).toBe('/x');
    expect(toProblem(new NotFound(), { ...en, types: { 404: 'https://example.com/p/not-found' } }).body.type).toBe('https://example.com/p/not-found');
  });

  it('keeps extension members but never lets one replace a standard member', () => {
    const { body } = toProblem(new NotFound({ extensions: { status: 200, title: 'pwned', errors: 'x', balance: 30 } }), en);
    expect(body).toMatchObject({ status: 404, title: 'Not Found', balance: 30 });
    expect(body.errors).toBeUndefined();
  });

  it('keeps the headers of our own errors but the ones that frame or label the body', () => {
    const error = new NotFound({ headers: { 'X-Ok': 'yes', 'Content-Type': 'text/html', 'Transfer-Encoding': 'chunked', Trailer: 'X-Sum', 'X-Bad': 'a\r\nb' } });
    const { headers, dropped } = toProblem(error, en);
    expect(headers).toEqual({ 'X-Ok': 'yes' });
    expect(dropped).toEqual(['Content-Type', 'Transfer-Encoding', 'Trailer', 'X-Bad']);
  });

  it.each<[string, number, Record<string, string>, Record<string, string>]>([
    ['its contract header, re-written by its spec', 503, { 'retry-after': ' 30 ' }, { 'Retry-After': '30' }],
    ['a challenge on 401', 401, { 'WWW-Authenticate': 'Bearer realm="api"' }, { 'WWW-Authenticate': 'Bearer realm="api"' }],
    ['a challenge on 403 (RFC 6750 §3.1)', 403, { 'WWW-Authenticate': 'Bearer error="insufficient_scope"' }, { 'WWW-Authenticate': 'Bearer error="insufficient_scope"' }],
    ['Allow on 405', 405, { Allow: 'GET, HEAD' }, { Allow: 'GET, HEAD' }],
    ['rate-limit fields on any status', 429, { RateLimit: 'limit=10, remaining=0, reset=5', 'RateLimit-Policy': '10;w=60', 'X-RateLimit-Remaining': '0' }, { RateLimit: 'limit=10, remaining=0, reset=5', 'RateLimit-Policy': '10;w=60', 'X-RateLimit-Remaining': '0' }],
    ['nothing else', 400, { 'Set-Cookie': 'sid=1', Refresh: '0; url=https://evil.example', Location: '/x', 'Content-Encoding': 'gzip', 'Cache-Control': 'public, max-age=86400', 'Access-Control-Allow-Origin': '*', Connection: 'keep-alive', 'Keep-Alive': 'timeout=5', 'X-Internal-Host': 'db-1' }, {}],
    ['another status\'s contract header', 404, { 'Retry-After': '30', Allow: 'GET' }, {}],
    ['a contract value its spec cannot read', 503, { 'Retry-After': '1e+21' }, {}],
  ])('lets a foreign error send %s', (_what, status, given, sent) => {
    const ours = toProblem(createError(status), en).headers;
    expect(toProblem(createError(status, { headers: given }), en).headers).toEqual({ ...ours, ...sent });
  });

  it('forwards no header of an error that carries another server\'s response', () => {
    const upstream = Object.assign(new Error('Request failed with status code 503'), { status: 503, response: { status: 503 }, headers: { 'Retry-After': '30', 'Set-Cookie': 'a=b' } });
    const { headers, dropped } = toProblem(upstream, en);
    expect(headers).toEqual({ 'Cache-Control': 'no-store' });
    expect(dropped).toEqual([]);
  });

  it('names a contract value that cannot be sent for the log, and leaves the header out', () => {
    const { headers, dropped } = toProblem(new ServiceUnavailable(1e21), en);
    expect(headers['Retry-After']).toBeUndefined();
    expect(dropped).toEqual(['Retry-After']);
  });

  it('lists the members of an aggregate and answers with the highest status', () => {
    const { status, body } = toProblem(new AggregateError([new NotFound('a'), new ServiceUnavailable(1)]), en);
    expect(status).toBe(503);
    expect(body.errors).toEqual([
      { status: 404, title: 'Not Found', detail: 'a' },
      { status: 503, title: 'Service Unavailable', detail: CATALOGS.en.statuses[503].detail },
    ]);
  });

  it('adds the stack and the cause chain only in debug mode', () => {
    const error = new ServiceUnavailable(1, { cause: new Error('connect ECONNREFUSED') });
    expect(toProblem(error, en).body.stack).toBeUndefined();
    const debug = toProblem(error, { ...en, debug: true }).body;
    expect((debug.stack as string[])[0]).toBe('ServiceUnavailable: Service Unavailable');
    expect(debug.cause).toMatchObject([{ name: 'Error', message: 'connect ECONNREFUSED' }]);
  });
});
