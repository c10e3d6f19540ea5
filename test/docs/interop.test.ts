import { READERS } from '../../src/problem/interop';
import { read, rows, section } from './markdown';

const guide = read('docs/interop.md');
const readme = read('README.md');
const guideTable = rows(section(guide, '## How each source is recognised'), /[^|]+?/).filter((cells) => cells[0] !== 'Source' && cells[0] !== '---');
const readmeTable = rows(section(readme, '## Interop'), /[^|]+?/).filter((cells) => cells[0] !== 'Source' && cells[0] !== '---');

describe('docs/interop.md and the README interop table', () => {
  it('names every built-in reader in a section heading of the guide', () => {
    for (const reader of READERS) expect({ reader: reader.name, documented: guide.includes(`(\`${reader.name}\`)`) }).toEqual({ reader: reader.name, documented: true });
  });

  it('gives the README one row per source of the guide table, with the same status and headers', () => {
    const ours = new Set(['Your `map`', "This library's classes", '`AggregateError`, array of errors', 'Anything else']);
    const sources = guideTable.filter((cells) => !ours.has(cells[0] ?? ''));
    expect(readmeTable).toEqual(sources.map((cells) => [cells[0], cells[2], cells[3]]));
  });

  it('lists each middleware source of the issue in both tables', () => {
    for (const source of ['express-jwt', 'express-oauth2-jwt-bearer', 'multer', 'busboy', 'express-validator', 'express-openapi-validator', 'celebrate / joi', 'csrf-csrf, csurf', 'express-rate-limit']) {
      expect(readmeTable.map((cells) => cells[0])).toContain(source);
    }
  });
});
