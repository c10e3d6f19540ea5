import fc from 'fast-check';
import { formatBlockedBy } from '../../src/core/headers/blocked-by';
import { formatChallenges } from '../../src/core/headers/challenges';
import { formatUnsatisfiedRange } from '../../src/core/headers/content-range';
import { formatTokenList, isValidHeaderValue, quote } from '../../src/core/headers/field';
import { formatRetryAfter } from '../../src/core/headers/retry-after';
import { formatUpgrade } from '../../src/core/headers/upgrade';

/** Reads a quoted-string back (RFC 9110 §5.6.4), to check that quoting round-trips. */
function unquote(text: string): string | undefined {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return undefined;
  let out = '';
  for (let i = 1; i < text.length - 1; i++) {
    const ch = text[i] as string;
    if (ch === '\\') out += text[++i];
    else if (ch === '"') return undefined;
    else out += ch;
  }
  return out;
}

describe('Retry-After', () => {
  it('sends whole seconds as delta-seconds', () => {
    expect(formatRetryAfter(120)).toBe('120');
    expect(formatRetryAfter(0)).toBe('0');
  });

  it('rounds a fractional wait up', () => {
    expect(formatRetryAfter(1.2)).toBe('2');
  });

  it('sends a Date as an IMF-fixdate', () => {
    expect(formatRetryAfter(new Date(Date.UTC(2026, 10, 26, 5, 47, 17)))).toBe('Thu, 26 Nov 2026 05:47:17 GMT');
  });

  it('refuses negative, non-finite and invalid values', () => {
    for (const value of [-1, Number.NaN, Infinity, new Date('nope'), '120', null]) expect(formatRetryAfter(value)).toBeUndefined();
  });

  it('round-trips any non-negative integer and any date to the second', () => {
    fc.assert(fc.property(fc.nat(), (n) => formatRetryAfter(n) === String(n)));
    fc.assert(
      fc.property(fc.date({ min: new Date(0), max: new Date(Date.UTC(9999, 0)), noInvalidDate: true }), (date) => {
        const text = formatRetryAfter(date) as string;
        return /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text) && Date.parse(text) === Math.floor(date.getTime() / 1000) * 1000;
      }),
    );
  });
});

describe('quoted strings and challenges', () => {
  it('escapes quote and backslash in auth-params', () => {
    expect(formatChallenges({ scheme: 'Bearer', realm: 'a "b" \\c', params: { error: 'invalid_token' } })).toBe('Bearer realm="a \\"b\\" \\\\c", error="invalid_token"');
  });

  it('joins several challenges with a comma', () => {
    expect(formatChallenges([{ scheme: 'Basic', realm: 'api' }, 'Bearer'])).toBe('Basic realm="api", Bearer');
  });

  it('sends a bare scheme when it has no parameters', () => {
    expect(formatChallenges({ scheme: 'Negotiate' })).toBe('Negotiate');
  });

  it('leaves out a scheme or parameter name that is not a token', () => {
    expect(formatChallenges({ scheme: 'Bad Scheme' })).toBeUndefined();
    expect(formatChallenges({ scheme: 'Bearer', params: { 'bad name': 'x', scope: 'read' } })).toBe('Bearer scope="read"');
  });

  it('quotes any printable string so that it reads back unchanged', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...' !"#\\abcXYZ09=,;'.split('')) }), (value) => unquote(quote(value)) === value));
  });

  it('builds a challenge whose value is always a valid header value for printable input', () => {
    const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) });
    fc.assert(fc.property(printable, printable, (realm, param) => isValidHeaderValue(formatChallenges({ scheme: 'Bearer', realm, params: { scope: param } }) as string)));
  });
});

describe('list fields', () => {
  it('joins methods with a comma and a space, once each', () => {
    expect(formatTokenList(['GET', 'HEAD', 'GET'])).toBe('GET, HEAD');
    expect(formatTokenList('GET,POST')).toBe('GET, POST');
  });

  it('sends an empty Allow for an empty list', () => {
    expect(formatTokenList([])).toBe('');
  });

  it('leaves out items that are not tokens', () => {
    expect(formatTokenList(['GET', 'BAD METHOD', 'PO\r\nST'])).toBe('GET');
  });

  it('accepts protocol/version pairs in Upgrade', () => {
    expect(formatUpgrade(['HTTP/2.0', 'websocket'])).toBe('HTTP/2.0, websocket');
  });
});

describe('Content-Range and Link', () => {
  it('describes an unsatisfied range with the complete length', () => {
    expect(formatUnsatisfiedRange(5000)).toBe('bytes */5000');
    expect(formatUnsatisfiedRange(-1)).toBeUndefined();
    expect(formatUnsatisfiedRange(1.5)).toBeUndefined();
  });

  it('links to who blocked the resource', () => {
    expect(formatBlockedBy('https://authority.example/notice')).toBe('<https://authority.example/notice>; rel="blocked-by"');
    expect(formatBlockedBy('https://x.example/>; rel="evil"')).toBeUndefined();
  });
});

describe('header value check', () => {
  it('refuses CR, LF, NUL and non-ASCII', () => {
    for (const value of ['a\r\nb', 'a\nb', 'a\0b', '한국어']) expect(isValidHeaderValue(value)).toBe(false);
    expect(isValidHeaderValue('Bearer realm="api"')).toBe(true);
  });
});
