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

  it('refuses an error header that would change how the body is framed or labelled', () => {
    const { headers, dropped } = toProblem(createError(400, { headers: { 'Content-Type': 'text/html', 'X-Ok': 'yes', 'X-Bad': 'a\r\nb' } }), en);
    expect(headers['X-Ok']).toBe('yes');
    expect(headers['Content-Type']).toBeUndefined();
    expect(dropped).toEqual(['Content-Type', 'X-Bad']);
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
