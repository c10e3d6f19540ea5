import { FORMATS } from '../../src/render/formats';
import { read, rows, section } from './markdown';

const guide = read('docs/negotiation.md');

describe('docs/negotiation.md', () => {
  it('describes exactly the formats errorHandler() negotiates, with their Content-Type', () => {
    const table = rows(section(guide, '## Formats'), /`[a-z+]+`/);
    expect(table.map((cells) => cells[0])).toEqual(FORMATS.map((format) => `\`${format}\``));
    for (const cells of table) expect(cells[1]).toMatch(/^`(application|text)\/[a-z+]+; charset=utf-8`$/);
  });
});
