import { CATALOGS, ERROR_STATUSES, LOCALES } from '../src';

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

  it('uses RFC 9110 reason phrases as English titles', () => {
    expect(CATALOGS.en.statuses[413].title).toBe('Content Too Large');
    expect(CATALOGS.en.statuses[422].title).toBe('Unprocessable Content');
    expect(CATALOGS.en.statuses[503].title).toBe('Service Unavailable');
  });

  it('writes Korean descriptions in the formal 합니다 register', () => {
    for (const status of ERROR_STATUSES) expect(CATALOGS.ko.statuses[status].detail).toMatch(/(니다|십시오|세요)\.$/u);
  });
});
