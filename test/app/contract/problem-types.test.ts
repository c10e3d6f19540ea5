import fc from 'fast-check';
import createError from 'http-errors';
import request from 'supertest';
import { errorHandler, NotFound, ServiceUnavailable } from '../../../src';
import { problemTypes } from '../../../src/contract/problem-types';
import { isUriReference } from '../../../src/core/uri';
import { handing, throwing } from '../../helpers/app';

const BASE = 'https://example.com/problems';

describe('typeBaseUri', () => {
  it('sends <base>/<slug> as the type of an error that sets none', async () => {
    const res = await request(throwing(new ServiceUnavailable(120), { typeBaseUri: BASE })).get('/boom');
    expect(res.body.type).toBe('https://example.com/problems/service-unavailable');
  });

  it('gives http-errors errors and plain errors the type of their status', async () => {
    expect((await request(throwing(createError(404), { typeBaseUri: BASE })).get('/boom')).body.type).toBe(`${BASE}/not-found`);
    expect((await request(throwing(new Error('x'), { typeBaseUri: BASE })).get('/boom')).body.type).toBe(`${BASE}/internal-server-error`);
  });

  it('keeps a type the error sets, and about:blank for an unregistered status', async () => {
    expect((await request(throwing(new NotFound({ type: 'https://example.com/probs/no-user' }), { typeBaseUri: BASE })).get('/boom')).body.type).toBe(
      'https://example.com/probs/no-user',
    );
    expect((await request(handing({ status: 499 }, { typeBaseUri: BASE })).get('/boom')).body.type).toBe('about:blank');
  });

  it('ignores trailing slashes of the base', () => {
    expect(problemTypes(`${BASE}//`)[413]).toBe(`${BASE}/content-too-large`);
  });

  it('refuses a base that is not an absolute URI when the handler is created', () => {
    expect(() => errorHandler({ typeBaseUri: '/problems' })).toThrow(TypeError);
    expect(() => errorHandler({ typeBaseUri: 'https://example.com/a b' })).toThrow(TypeError);
    expect(() => errorHandler({ typeBaseUri: 'https://example.com/problems#x' })).toThrow(TypeError);
    expect(() => errorHandler({ typeBaseUri: 'https://example.com/problems?v=1' })).toThrow(TypeError);
    expect(() => errorHandler({ typeBaseUri: 'urn:example:problems' })).not.toThrow();
  });
});

describe('isUriReference()', () => {
  it.each(['about:blank', 'https://example.com/probs/x?y=1#z', '/problems/x', 'x', '', '%41', 'urn:isbn:0451450523', './a:b'])('accepts %j', (value) => {
    expect(isUriReference(value)).toBe(true);
  });

  it.each(['no such type', '1a:b', 'https://example.com/ä', '%zz', 'a<b', 42, undefined])('refuses %j', (value) => {
    expect(isUriReference(value)).toBe(false);
  });

  it('accepts every web URL', () => {
    fc.assert(fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => isUriReference(url)));
  });
});
