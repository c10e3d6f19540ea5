/** retryAfterMs(): the wait a server asked for, from a typed error or another client's error. */
import { NotFound, PayloadTooLarge, ServiceUnavailable, TooManyRequests, parseProblem, retryAfterMs } from '../../src/client';

describe('retryAfterMs()', () => {
  it.each([
    ['seconds', new ServiceUnavailable(120), 120_000],
    ['zero seconds', new TooManyRequests(0), 0],
    ['a date already past', new ServiceUnavailable(new Date(Date.now() - 60_000)), 0],
    ['a 503 without Retry-After', new ServiceUnavailable(), undefined],
    ['a 429 without Retry-After', new TooManyRequests(), undefined],
    ['a 413 read back without Retry-After', parseProblem({ status: 413, body: { title: 'Too large' } }), undefined],
    ['an error of a status without Retry-After', new NotFound(), undefined],
    ['a negative wait made by hand', Object.assign(new Error('x'), { retryAfter: -5 }), 0],
    ['an invalid date', new ServiceUnavailable(new Date(Number.NaN)), undefined],
    ['not an object', 'soon', undefined],
    ['null', null, undefined],
  ])('gives %s as %p', (_case, error, expected) => {
    expect(retryAfterMs(error)).toBe(expected);
  });

  it('counts an HTTP-date from now', () => {
    const error = parseProblem({ status: 429, headers: { 'retry-after': new Date(Date.now() + 90_000).toUTCString() }, body: { title: 'Slow down' } });
    const wait = retryAfterMs(error) as number;
    expect(wait).toBeGreaterThan(85_000);
    expect(wait).toBeLessThanOrEqual(90_000);
    expect(retryAfterMs(new PayloadTooLarge(new Date(Date.now() + 10_000)))).toBeGreaterThan(8_000);
  });

  it("reads Retry-After from another client's error that carries its response", () => {
    expect(retryAfterMs({ response: new Response(null, { status: 503, headers: { 'Retry-After': '7' } }) })).toBe(7_000);
    expect(retryAfterMs({ response: { status: 429, headers: { 'retry-after': '2' } } })).toBe(2_000);
    expect(retryAfterMs({ response: { status: 429, headers: {} } })).toBeUndefined();
  });

  it('never throws on a hostile error', () => {
    const hostile = {
      get retryAfter(): never {
        throw new Error('boom');
      },
    };
    expect(retryAfterMs(hostile)).toBeUndefined();
    expect(retryAfterMs(new Proxy({}, { has: () => { throw new Error('boom'); } }))).toBeUndefined();
  });
});
