import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CATALOGS, LOCALES } from '../../src';

const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Localisation'), readme.indexOf('## Security defaults'));

describe('README: Localisation', () => {
  const rows = section.split('\n').filter((line) => /^\| `[a-zA-Z-]+` \|/.test(line));

  it('lists exactly the built-in languages, in order', () => {
    expect(rows.map((row) => /`([a-zA-Z-]+)`/.exec(row)?.[1])).toEqual([...LOCALES]);
  });

  it("quotes each language's real 404 title", () => {
    for (const row of rows) {
      const cells = row.split('|').map((cell) => cell.trim());
      const tag = cells[1]?.replace(/`/g, '') as keyof typeof CATALOGS;
      expect(cells[4]).toBe(CATALOGS[tag].statuses[404].title);
    }
  });

  it('documents the options it describes', () => {
    for (const option of ['`messages`', '`catalogs`', '`locale`', '`defaultLocale`', 'defineMessages()', 'npm run example -- localized']) expect(readme).toContain(option);
  });
});
