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

  it('words an HTTP-date more than a day away as a date and a 24-hour time in UTC', () => {
    const later = 'Sat, 05 Jan 2030 16:00:00 GMT';
    expect(english(later, NOW)).toBe('Please try again after January 5, 2030 at 16:00 UTC.');
    expect(korean(later, NOW)).toBe('2030년 1월 5일 16:00(UTC) 이후에 다시 시도해 주십시오.');
  });

  it.each([
    ['en', 'Please try again after January 5, 2030 at 09:05 UTC.'],
    ['ko', '2030년 1월 5일 09:05(UTC) 이후에 다시 시도해 주십시오.'],
    ['ja', '2030年1月5日 09:05（UTC）以降に、もう一度お試しください。'],
    ['zh-Hans', '请在 2030年1月5日 09:05（UTC）之后重试。'],
    ['zh-Hant', '請在 2030年1月5日 09:05（UTC）之後再試一次。'],
    ['es', 'Inténtelo de nuevo después del 5 de enero de 2030 a las 09:05 (UTC).'],
    ['fr', 'Veuillez réessayer après le 5 janvier 2030 à 09:05 (UTC).'],
    ['de', 'Bitte versuchen Sie es nach dem 5. Januar 2030 um 09:05 Uhr (UTC) erneut.'],
    ['pt-BR', 'Tente novamente depois do dia 5 de janeiro de 2030, às 09:05 (UTC).'],
    ['vi', 'Vui lòng thử lại sau 09:05 UTC ngày 5 tháng 1, 2030.'],
  ] as const)('writes the %s date on a 24-hour clock, never with AM or PM', (locale, expected) => {
    const text = createRetryDescriber(locale, ALL[locale].phrases)('Sat, 05 Jan 2030 09:05:00 GMT', NOW);
    expect(text).toBe(expected);
    expect(text).not.toMatch(/\b[AP]M\b|上午|下午|午前|午後|오전|오후|SA|CH/u);
  });

  it.each([
    ['59.6 s', NOW + 400, 'Tue, 01 Jan 2030 06:01:00 GMT', 'Please try again in 1 minute or so.'],
    ['59 min 40 s', NOW, String(59 * 60 + 40), 'Please try again in 1 hour or so.'],
    ['23 h 40 min', NOW, String(23 * 3600 + 40 * 60), 'Please try again in 1 day or so.'],
    ['1.4 s', NOW + 600, 'Tue, 01 Jan 2030 06:00:02 GMT', 'Please try again in 1 second or so.'],
  ])('rounds %s before it chooses the unit', (_wait, now, header, expected) => {
    expect(english(header, now)).toBe(expected);
  });

  it.each([
    ['ko', '약 2분 후에 다시 시도해 주십시오.'],
    ['ja', '2 分後を目安に、もう一度お試しください。'],
    ['zh-Hans', '请在大约 2 分钟后重试。'],
    ['zh-Hant', '請在大約 2 分鐘後再試一次。'],
    ['vi', 'Vui lòng thử lại sau 2 phút nữa hoặc muộn hơn một chút.'],
  ] as const)('spaces the number of the %s sentence as its script does', (locale, expected) => {
    expect(createRetryDescriber(locale, ALL[locale].phrases)('120', NOW)).toBe(expected);
  });

  it('sets a number off from Chinese and Japanese text on both sides, whatever CLDR writes', () => {
    for (const locale of ['ja', 'zh-Hans', 'zh-Hant'] as const) {
      const describe = createRetryDescriber(locale, ALL[locale].phrases);
      for (const header of ['1', '45', '120', '7200', '259200']) {
        expect(describe(header, NOW)).not.toMatch(/\d[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]\d/u);
      }
    }
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

  it.each(Object.entries(ALL))('%s has one {when} slot and formats {date} as a UTC day and time', (locale, catalog) => {
    expect(catalog.phrases.retryIn.split('{when}')).toHaveLength(2);
    expect(catalog.phrases.retryAt.split('{date, date, utc}')).toHaveLength(2);
    expect(catalog.phrases.retryAt.split('{date, time, utc}')).toHaveLength(2);
    const describe = createRetryDescriber(locale, catalog.phrases);
    const soon = describe('120', NOW);
    const far = describe('Sat, 05 Jan 2030 16:00:00 GMT', NOW);
    expect(soon?.replace(/\s/g, '')).toContain(new Intl.RelativeTimeFormat(locale, { numeric: 'always' }).format(2, 'minute').replace(/\s/g, ''));
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
