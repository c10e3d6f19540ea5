/**
 * Every header contract's spec, as the classes, the client, the OpenAPI builder and strict
 * mode read it: what it sends, what it reads back, and that the two agree.
 */
import fc from 'fast-check';
import { CONTRACTS, OPEN_API } from '../../src/core/headers';
import type { HeaderOpenApi, HeaderSpec } from '../../src/core/headers';
import { ERROR_STATUSES, STATUSES } from '../../src/core/status';
import type { HeaderContract } from '../../src/core/status';

const specs = Object.entries(CONTRACTS) as [HeaderContract, HeaderSpec][];

// One argument per contract, what the error keeps of it, the header sent and what a client reads back.
const CASES: Readonly<Record<HeaderContract, readonly [argument: unknown, kept: unknown, sent: string, read: unknown]>> = {
  'retry-after': [120, 120, '120', 120],
  allow: ['GET, HEAD', ['GET', 'HEAD'], 'GET, HEAD', ['GET', 'HEAD']],
  'www-authenticate': [{ scheme: 'Bearer', realm: 'api' }, [{ scheme: 'Bearer', realm: 'api' }], 'Bearer realm="api"', [{ scheme: 'Bearer', realm: 'api' }]],
  'proxy-authenticate': ['Basic', ['Basic'], 'Basic', [{ scheme: 'Basic' }]],
  upgrade: [['h2c', 'websocket'], ['h2c', 'websocket'], 'h2c, websocket', ['h2c', 'websocket']],
  'content-range': [1024, 1024, 'bytes */1024', 1024],
  'blocked-by': ['https://authority.example/notice', 'https://authority.example/notice', '<https://authority.example/notice>; rel="blocked-by"', 'https://authority.example/notice'],
};

// RFC 9110 says MUST for these: 401 §15.5.2, 405 §15.5.6, 407 §15.5.8, 416 §15.5.17 (as this
// library takes it), 426 §15.5.22.
const REQUIRED = new Set<HeaderContract>(['allow', 'www-authenticate', 'proxy-authenticate', 'upgrade', 'content-range']);

describe('header contract specs', () => {
  it.each(specs)('%s formats its argument, keeps it, and reads the header back', (name, spec) => {
    const [argument, kept, sent, read] = CASES[name];
    expect(spec.format(argument)).toBe(sent);
    expect(spec.keep(argument)).toEqual(kept);
    expect(spec.parse(sent)).toEqual(read);
  });

  it.each(specs)('%s reads an absent header as no value', (_name, spec) => {
    const nothing = spec.parse(undefined);
    expect(nothing === undefined || (Array.isArray(nothing) && nothing.length === 0)).toBe(true);
  });

  it.each(specs)('%s documents an example that is exactly what it sends', (name, spec) => {
    const openApi: HeaderOpenApi = OPEN_API[name]();
    const example = spec.format(openApi.sample);
    expect(typeof example).toBe('string');
    expect(openApi.description).toMatch(/\(RFC \d+ §[\d.]+\)/);
    if (typeof openApi.schema.pattern === 'string') expect(example).toMatch(new RegExp(openApi.schema.pattern));
  });

  it.each(specs)('%s is required exactly where the RFC says MUST', (name, spec) => {
    expect(spec.required).toBe(REQUIRED.has(name));
  });

  it('is named by at least one status, and every status names a contract that exists', () => {
    const named = new Set(ERROR_STATUSES.map((status) => (STATUSES[status] as { header?: HeaderContract }).header).filter((header) => header !== undefined));
    expect([...named].sort()).toEqual(Object.keys(CONTRACTS).sort());
  });

  it('reads back every list it sends', () => {
    const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,8}$/);
    fc.assert(
      fc.property(fc.uniqueArray(token, { minLength: 1, maxLength: 6 }), (items) => {
        for (const spec of [CONTRACTS.allow, CONTRACTS.upgrade]) expect(spec.parse(spec.format(items))).toEqual(items);
      }),
    );
  });

  it('reads back every delay and date it sends, to the second', () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat(), fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })), (value) => {
        const sent = CONTRACTS['retry-after'].format(value) as string;
        const read = CONTRACTS['retry-after'].parse(sent);
        if (typeof value === 'number') expect(read).toBe(value);
        else expect((read as Date).getTime()).toBe(Math.floor(value.getTime() / 1000) * 1000);
      }),
    );
  });
});
