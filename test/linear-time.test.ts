/**
 * Every parser that reads what a client or an upstream sent runs in linear time: each is
 * timed on a 64 KB hostile input and on a 1 KB one of the same pattern. Linear growth is
 * about 64 times; quadratic growth is about 4,096 times. The bound (64 × 8) leaves room for
 * a noisy machine and still fails on anything super-linear.
 */
import { parseProblem } from '../src';
import { parseChallenges } from '../src/core/headers/challenges';
import { CONTRACTS } from '../src/core/headers';
import { isValidHeaderValue } from '../src/core/headers/field';
import { parseRetryAfter } from '../src/core/headers/retry-after';
import { isUriReference } from '../src/core/uri';
import { parseTraceparent } from '../src/handler/tracing';
import { createLanguageNegotiator } from '../src/i18n/negotiate';
import { LOCALES } from '../src/i18n/locales';
import { toData } from '../src/problem/walk';
import { createFormatNegotiator, FORMATS } from '../src/render/formats';

const SMALL = 1024;
const LARGE = 64 * 1024;
const BOUND = (LARGE / SMALL) * 8;

/** Nanoseconds per call, the median of three windows of at least 25 ms each. */
function perCall(run: (input: string) => unknown, input: string): number {
  run(input);
  const windows: number[] = [];
  for (let w = 0; w < 3; w++) {
    let calls = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0n;
    do {
      run(input);
      calls++;
      elapsed = process.hrtime.bigint() - start;
    } while (elapsed < 25_000_000n);
    windows.push(Number(elapsed) / calls);
  }
  return windows.sort((a, b) => a - b)[1] as number;
}

/** `unit` repeated to `length` characters after `head`; `#` in it counts up, so repeats differ. */
function fill(head: string, unit: string, length: number): string {
  let text = head;
  for (let i = 0; text.length < length; i++) text += unit.replace('#', String(i));
  return text;
}

const negotiateLanguage = createLanguageNegotiator([...LOCALES], 'en');
const negotiateFormat = createFormatNegotiator(FORMATS);
const link = CONTRACTS['blocked-by'].parse;

const PARSERS: readonly [name: string, run: (input: string) => unknown, head: string, unit: string][] = [
  ['parseChallenges: many parameters', parseChallenges, 'Bearer ', 'a#=b, '],
  ['parseChallenges: many token68 challenges', parseChallenges, '', 'Basic x#, '],
  ['parseChallenges: many schemes', parseChallenges, '', 'Basic, '],
  ['parseChallenges: a long token68', parseChallenges, 'Basic ', 'x'],
  ['parseChallenges: an unterminated quoted string', parseChallenges, 'Bearer realm="', 'a\\"'],
  ['parseChallenges: empty list elements', parseChallenges, '', ' ,'],
  ['parseChallenges: a long parameter value', parseChallenges, 'Bearer a=', 'b'],
  ['parseChallenges: spaces after a parameter', parseChallenges, 'Bearer a=b', ' '],
  ['Link: < repeated', link, '', '<'],
  ['Link: many links without blocked-by', link, '', '<a>; rel="x", '],
  ['Retry-After', (value) => parseRetryAfter(value), 'Mon, ', '1 '],
  ['parseProblem: a 451 whose Link is < repeated', (value) => parseProblem({ status: 451, headers: { link: value }, body: { status: 451 } }), '', '<'],
  ['parseProblem: a 401 with a long challenge', (value) => parseProblem({ status: 401, headers: { 'www-authenticate': value }, body: { status: 401 } }), 'Bearer ', 'a#=b, '],
  ['Accept-Language', negotiateLanguage, '', 'xx-yy;q=0.5,'],
  ['Accept', negotiateFormat, '', 'text/x;q=0.5,'],
  ['traceparent', parseTraceparent, '00-', '0'],
  ['a URI reference', isUriReference, 'a:', '%2'],
  ['a header value', isValidHeaderValue, '', 'a'],
  ['the walk of an extension value', (value) => toData({ list: value.split('') }), '', 'x'],
];

describe('parsers of received text', () => {
  it.each(PARSERS)('reads %s in linear time', (_name, run, head, unit) => {
    const small = perCall(run, fill(head, unit, SMALL));
    const large = perCall(run, fill(head, unit, LARGE));
    expect(large / small).toBeLessThan(BOUND);
  });
});
