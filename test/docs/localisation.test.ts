import { CATALOGS, LOCALES } from '../../src';
import { read, rows, section } from './markdown';

const guide = read('docs/localisation.md');

describe('docs/localisation.md', () => {
  const table = rows(section(guide, '## Built-in languages'), /`[a-zA-Z-]+`/);

  it('lists exactly the built-in languages, in order', () => {
    expect(table.map((cells) => (cells[0] ?? '').replace(/`/g, ''))).toEqual([...LOCALES]);
  });

  it("quotes each language's real 404 title", () => {
    for (const cells of table) {
      const tag = (cells[0] ?? '').replace(/`/g, '') as keyof typeof CATALOGS;
      expect(cells[3]).toBe(CATALOGS[tag].statuses[404].title);
    }
  });

  it('documents the options it describes', () => {
    for (const option of ['`messages`', '`catalogs`', '`locale`', '`defaultLocale`', 'defineMessages()', 'npm run example -- localized']) expect(guide).toContain(option);
  });
});
