import fc from 'fast-check';
import { isUriReference, toUriReference } from '../../src/core/uri';

describe('toUriReference()', () => {
  it.each([
    ['/users/a\\b', '/users/a%5Cb'],
    ['/users/%E0%A4%A', '/users/%E0%A4%25A'],
    ['/a b/ü', '/a%20b/%C3%BC'],
    ['/emoji/😀', '/emoji/%F0%9F%98%80'],
    ['/lone/\ud800', '/lone/%EF%BF%BD'],
    ['/quote"<x>', '/quote%22%3Cx%3E'],
    ['1a:b/c', '1a%3Ab/c'],
    ['/users/42', '/users/42'],
    ['/ok/%41', '/ok/%41'],
  ])('writes %j as %j', (raw, encoded) => {
    expect(toUriReference(raw)).toBe(encoded);
    expect(isUriReference(encoded)).toBe(true);
  });

  it('always gives a URI reference, and keeps one as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        const encoded = toUriReference(value);
        expect(isUriReference(encoded)).toBe(true);
        expect(toUriReference(encoded)).toBe(encoded);
      }),
      { numRuns: 500 },
    );
  });

  it('loses nothing of a well-formed path: decoding gives the path back', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 8 }).filter((segment) => !segment.includes('%') && !segment.includes('/')), { maxLength: 4 }), (segments) => {
        const path = `/${segments.join('/')}`;
        expect(decodeURI(toUriReference(path))).toBe(path);
      }),
    );
  });
});
