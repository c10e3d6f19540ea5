import de from '../../src/i18n/locales/de';
import en from '../../src/i18n/locales/en';
import es from '../../src/i18n/locales/es';
import fr from '../../src/i18n/locales/fr';
import ja from '../../src/i18n/locales/ja';
import ko from '../../src/i18n/locales/ko';
import ptBR from '../../src/i18n/locales/pt-BR';
import vi from '../../src/i18n/locales/vi';
import zhHans from '../../src/i18n/locales/zh-Hans';
import zhHant from '../../src/i18n/locales/zh-Hant';
import { createRetryDescriber } from '../../src/render/retry-text';

const NOW = Date.parse('2030-01-01T06:00:00Z');
const ALL = { en, ko, ja, 'zh-Hans': zhHans, 'zh-Hant': zhHant, es, fr, de, 'pt-BR': ptBR, vi } as const;

describe('createRetryDescriber', () => {
  const english = createRetryDescriber('en', en.phrases);
  const korean = createRetryDescriber('ko', ko.phrases);

  it.each([
    ['1', 'Please try again in 1 second or so.', '약 1초 후에 다시 시도해 주십시오.'],
    ['45', 'Please try again in 45 seconds or so.', '약 45초 후에 다시 시도해 주십시오.'],
    ['120', 'Please try again in 2 minutes or so.', '약 2분 후에 다시 시도해 주십시오.'],
    ['100', 'Please try again in 2 minutes or so.', '약 2분 후에 다시 시도해 주십시오.'],
    ['3599', 'Please try again in 1 hour or so.', '약 1시간 후에 다시 시도해 주십시오.'],
    ['5400', 'Please try again in 2 hours or so.', '약 2시간 후에 다시 시도해 주십시오.'],
    ['259200', 'Please try again in 3 days or so.', '약 3일 후에 다시 시도해 주십시오.'],
  ])('words Retry-After: %s as a relative time', (header, inEnglish, inKorean) => {
    expect(english(header, NOW)).toBe(inEnglish);
    expect(korean(header, NOW)).toBe(inKorean);
  });

  it('words an HTTP-date within a day as a relative time from now', () => {
    const inTwoMinutes = new Date(NOW + 120_000).toUTCString();
    expect(english(inTwoMinutes, NOW)).toBe('Please try again in 2 minutes or so.');
    expect(korean(inTwoMinutes, NOW)).toBe('약 2분 후에 다시 시도해 주십시오.');
  });

  it.each([
    ['IMF-fixdate', 'Tue, 01 Jan 2030 06:02:00 GMT'],
    ['RFC 850', 'Tuesday, 01-Jan-30 06:02:00 GMT'],
    ['asctime', 'Tue Jan  1 06:02:00 2030'],
  ])('reads the %s form of an HTTP-date', (_form, header) => {
    expect(english(header, NOW)).toBe('Please try again in 2 minutes or so.');
  });

  it('words an HTTP-date more than a day away as a date and time in UTC', () => {
    const later = 'Sat, 05 Jan 2030 16:00:00 GMT';
    expect(english(later, NOW)).toBe('Please try again after January 5, 2030 at 4:00 PM UTC.');
    expect(korean(later, NOW)).toBe('2030년 1월 5일 PM 4:00 UTC 이후에 다시 시도해 주십시오.');
  });

  it.each([
    ['no header', undefined],
    ['zero seconds', '0'],
    ['a date in the past', 'Mon, 31 Dec 2029 06:00:00 GMT'],
    ['a negative number', '-5'],
    ['a fraction', '1.5'],
    ['garbage', 'soon'],
    ['a date that is no HTTP-date', '2030-01-02T00:00:00Z'],
    ['digits Date.parse would read as a date', '1 2'],
    ['an empty value', ''],
  ])('says nothing for %s', (_name, header) => {
    expect(english(header, NOW)).toBeUndefined();
  });

  it('keeps a $ in a template as it is', () => {
    const describe = createRetryDescriber('en', { retryIn: 'Wait {when} ($&)', retryAt: 'After {date} ($1)' });
    expect(describe('60', NOW)).toBe('Wait in 1 minute ($&)');
  });

  it.each(Object.entries(ALL))('%s has one {when} and one {date} slot, filled by Intl', (locale, catalog) => {
    expect(catalog.phrases.retryIn.split('{when}')).toHaveLength(2);
    expect(catalog.phrases.retryAt.split('{date}')).toHaveLength(2);
    const describe = createRetryDescriber(locale, catalog.phrases);
    const soon = describe('120', NOW);
    const far = describe('Sat, 05 Jan 2030 16:00:00 GMT', NOW);
    expect(soon).toContain(new Intl.RelativeTimeFormat(locale, { numeric: 'always' }).format(2, 'minute'));
    expect(far).toContain('2030');
    expect(soon).not.toMatch(/[{}]/);
    expect(far).not.toMatch(/[{}]/);
    expect(soon).toMatch(/[.。]$/u);
    if (locale !== 'en') {
      expect(catalog.phrases.retryIn).not.toBe(en.phrases.retryIn);
      expect(catalog.phrases.retryAt).not.toBe(en.phrases.retryAt);
    }
  });

  it('writes the Korean sentences in the formal 합니다 register', () => {
    expect(ko.phrases.retryIn).toMatch(/십시오\.$/u);
    expect(ko.phrases.retryAt).toMatch(/십시오\.$/u);
  });
});
