import request from 'supertest';
import { LOCALES, NotFound, message } from '../../../src';
import { createLanguageNegotiator } from '../../../src/i18n/negotiate';
import { throwing } from '../../helpers/app';

// Count the work done by the two dependencies that could cost per request.
const mockParsed: number[] = [];
const mockCompiled: string[] = [];
jest.mock('negotiator', () => {
  const Actual = jest.requireActual<new (req: { headers: Record<string, string> }) => { languages(available?: string[]): string[] }>('negotiator');
  // Each call of languages() parses the whole header again.
  return class CountingNegotiator extends Actual {
    private readonly header: string;
    constructor(req: { headers: Record<string, string> }) {
      super(req);
      this.header = req.headers['accept-language'] ?? '';
    }
    override languages(available?: string[]): string[] {
      mockParsed.push(this.header.length);
      return super.languages(available);
    }
  };
});
jest.mock('intl-messageformat', () => {
  const actual = jest.requireActual<typeof import('intl-messageformat')>('intl-messageformat');
  class CountingFormat extends actual.IntlMessageFormat {
    constructor(...args: ConstructorParameters<typeof actual.IntlMessageFormat>) {
      super(...args);
      mockCompiled.push(`${String(args[1])}:${String(args[0])}`);
    }
  }
  return { ...actual, IntlMessageFormat: CountingFormat };
});

/** Characters the Accept-Language parser reads while negotiating `header` once. */
function parsedCharacters(header: string): number {
  const negotiate = createLanguageNegotiator(LOCALES, 'en');
  mockParsed.length = 0;
  negotiate(header);
  return mockParsed.reduce((sum, length) => sum + length, 0);
}

describe('negotiation cost', () => {
  const normal = 'ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7,ja;q=0.6';
  const huge = (entries: number): string => Array.from({ length: entries }, (_, i) => `x${i}-abcd;q=0.${(i % 9) + 1}`).join(', ');

  it('parses no more of a 10 kB, 1,000-entry header than of a 100 kB one', () => {
    expect(huge(1000).length).toBeGreaterThan(10_000);
    expect(huge(10_000).length).toBeGreaterThan(100_000);
    const ten = parsedCharacters(huge(1000));
    expect(ten).toBeLessThanOrEqual(256 * 3);
    expect(parsedCharacters(huge(10_000))).toBe(ten);
  });

  it('parses a 10 kB header within a few times the work of a browser header', () => {
    expect(parsedCharacters(huge(1000))).toBeLessThanOrEqual(parsedCharacters(normal) * 10);
  });

  it('parses a repeated header once', () => {
    const negotiate = createLanguageNegotiator(LOCALES, 'en');
    mockParsed.length = 0;
    for (let i = 0; i < 50; i++) expect(negotiate(normal)).toBe('ko');
    expect(mockParsed).toEqual([normal.length]);
  });
});

describe('message compilation', () => {
  it('compiles each message once per language when the handler is created, never per request', async () => {
    mockCompiled.length = 0;
    const app = throwing(new NotFound({ detail: message('user.notFound', { id: 42 }) }), {
      messages: { en: { 'user.notFound': 'No user {id}.', other: 'Other.' }, ko: { 'user.notFound': '사용자 {id}이(가) 없습니다.' } },
    });
    // Built-in string phrases are compiled alongside, once each too.
    const appTexts = new Set(['en:No user {id}.', 'en:Other.', 'ko:사용자 {id}이(가) 없습니다.']);
    const appMessages = () => mockCompiled.filter((entry) => appTexts.has(entry)).sort();
    expect(appMessages()).toEqual(['en:No user {id}.', 'en:Other.', 'ko:사용자 {id}이(가) 없습니다.']);
    const compiledAtStart = mockCompiled.length;
    for (const language of ['en', 'ko', 'ja', 'ko']) {
      const res = await request(app).get('/boom').set('Accept-Language', language);
      expect(res.body.detail).toBe(language === 'ko' ? '사용자 42이(가) 없습니다.' : 'No user 42.');
    }
    expect(mockCompiled).toHaveLength(compiledAtStart);
  });
});
