import { CATALOGS, LOCALES } from '../../src';
import { ERROR_STATUSES } from '../../src/core/status';

describe('built-in catalogs', () => {
  it.each(LOCALES)('%s has a non-empty title and one-sentence description for every status', (locale) => {
    const catalog = CATALOGS[locale];
    for (const status of ERROR_STATUSES) {
      const { title, detail } = catalog.statuses[status];
      expect(title.trim()).not.toBe('');
      expect(detail.trim()).not.toBe('');
      expect(detail).toMatch(/[.。!！]$/u);
    }
  });

  it.each(LOCALES)('%s gives every status its own title', (locale) => {
    const titles = ERROR_STATUSES.map((status) => CATALOGS[locale].statuses[status].title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s leaves no entry in English', (locale) => {
    for (const status of ERROR_STATUSES) {
      expect(CATALOGS[locale].statuses[status].title).not.toBe(CATALOGS.en.statuses[status].title);
      expect(CATALOGS[locale].statuses[status].detail).not.toBe(CATALOGS.en.statuses[status].detail);
    }
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s leaves no phrase in English', (locale) => {
    const phrases = CATALOGS[locale].phrases as unknown as Record<string, unknown>;
    for (const [key, english] of Object.entries(CATALOGS.en.phrases as unknown as Record<string, unknown>)) {
      expect({ key, text: phrases[key] }).not.toEqual({ key, text: english });
    }
  });

  it('uses RFC 9110 reason phrases as English titles', () => {
    expect(CATALOGS.en.statuses[413].title).toBe('Content Too Large');
    expect(CATALOGS.en.statuses[422].title).toBe('Unprocessable Content');
    expect(CATALOGS.en.statuses[503].title).toBe('Service Unavailable');
  });

  it('writes Korean descriptions in the formal 합니다 register', () => {
    for (const status of ERROR_STATUSES) expect(CATALOGS.ko.statuses[status].detail).toMatch(/(니다|십시오|세요)\.$/u);
  });
});

describe('the ten built-in languages', () => {
  it('are registered in the documented order', () => {
    expect(LOCALES).toEqual(['en', 'ko', 'ja', 'zh-Hans', 'zh-Hant', 'es', 'fr', 'de', 'pt-BR', 'vi']);
  });

  it.each(LOCALES)('%s is a canonical BCP 47 tag, usable as Content-Language', (locale) => {
    expect(Intl.getCanonicalLocales(locale)).toEqual([locale]);
  });

  it.each([
    ['ko', /[\uac00-\ud7a3]/u],
    ['ja', /[\u3040-\u30ff]/u],
    ['zh-Hans', /[\u4e00-\u9fff]/u],
    ['zh-Hant', /[\u4e00-\u9fff]/u],
    ['vi', /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu],
  ] as const)('%s writes every title and description in its own script', (locale, script) => {
    for (const status of ERROR_STATUSES) {
      expect(CATALOGS[locale].statuses[status].detail).toMatch(script);
    }
  });

  it('writes Japanese descriptions in the polite です/ます register', () => {
    for (const status of ERROR_STATUSES) expect(CATALOGS.ja.statuses[status].detail).toMatch(/(ます|ません|ました|でした|です|ください)。$/u);
  });

  it('keeps Simplified and Traditional Chinese apart', () => {
    const differing = ERROR_STATUSES.filter((status) => CATALOGS['zh-Hans'].statuses[status].detail !== CATALOGS['zh-Hant'].statuses[status].detail);
    expect(differing).toEqual(ERROR_STATUSES);
    for (const status of ERROR_STATUSES) {
      // 们/务/请 are Simplified; 們/務/請 are Traditional.
      expect(CATALOGS['zh-Hant'].statuses[status].detail).not.toMatch(/[们务请这资码时]/u);
      expect(CATALOGS['zh-Hans'].statuses[status].detail).not.toMatch(/[們務請這資碼時]/u);
    }
  });

  it.each([
    ['es', /(?<!\p{L})(tú|tienes|puedes|debes)(?!\p{L})/iu],
    ['fr', /(?<!\p{L})(tu|toi|ton|ta|tes)(?!\p{L})/iu],
    ['de', /(?<!\p{L})(du|dich|dir|dein\p{L}*)(?!\p{L})/u],
    ['pt-BR', /(?<!\p{L})(tu|teu|tua)(?!\p{L})/iu],
  ] as const)('%s never addresses the reader informally', (locale, informal) => {
    for (const status of ERROR_STATUSES) expect(CATALOGS[locale].statuses[status].detail).not.toMatch(informal);
  });
});
