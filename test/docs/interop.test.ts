import { READERS } from '../../src/problem/interop';
import { DATABASE_RETRY_AFTER, MAX_FIELD_NAME_LENGTH } from '../../src/problem/interop/database';
import { read, rows, section } from './markdown';

const guide = read('docs/interop.md');
const readme = read('README.md');
const names = READERS.map((reader) => reader.name);
const guideTable = rows(section(guide, '## How each source is recognised'), /[^|]+?/).filter((cells) => cells[0] !== 'Source' && cells[0] !== '---');
const readmeTable = rows(section(readme, '## Interop'), /[^|]+?/).filter((cells) => cells[0] !== 'Source' && cells[0] !== '---');
// A source in the guide's table ends in its reader's name: `Prisma (\`prisma\`)`.
const READER_NAME = /\s*\(`(\w+)`\)$/;

describe('docs/interop.md', () => {
  it('names every reader, in order, in the table of how each source is recognised', () => {
    const documented = guideTable.flatMap((cells) => [...(READER_NAME.exec(cells[0] ?? '') ?? [])].slice(1));
    expect(documented).toEqual(names);
  });

  it('names every reader in a section heading', () => {
    for (const name of names) expect({ name, documented: guide.includes(`(\`${name}\`)`) }).toEqual({ name, documented: true });
  });

  it('lists every name the interop option takes', () => {
    const option = section(guide, '## Turning a reader off: `interop`');
    const listed = [.../The names are ([^.]+)\./.exec(option.replace(/\s+/g, ' '))?.[1]?.matchAll(/`(\w+)`/g) ?? []].map((match) => match[1]);
    expect(listed).toEqual(names);
  });

  it('states the Retry-After of an unavailable database and the longest field name sent', () => {
    expect(guide).toContain(`\`Retry-After: ${DATABASE_RETRY_AFTER}\``);
    expect(guide).toContain(`longer than ${MAX_FIELD_NAME_LENGTH} characters (\`MAX_FIELD_NAME_LENGTH\`)`);
  });
});

describe('the README interop table', () => {
  it('gives one row per source of the guide table, with the same status and headers', () => {
    const ours = new Set(['Your `map`', "This library's classes", '`AggregateError`, array of errors', 'Anything else']);
    const sources = guideTable.filter((cells) => !ours.has(cells[0] ?? ''));
    expect(readmeTable).toEqual(sources.map((cells) => [(cells[0] ?? '').replace(READER_NAME, ''), cells[2], cells[3]]));
  });

  it('lists each middleware, database and upstream source', () => {
    const sources = ['express-jwt', 'express-oauth2-jwt-bearer', 'multer', 'busboy', 'express-validator', 'express-openapi-validator', 'celebrate / joi', 'csrf-csrf, csurf', 'express-rate-limit', 'Prisma', 'Mongoose, MongoDB driver', 'Sequelize', 'TypeORM', 'pg', 'mysql2', "Node's `fetch`", 'axios', 'got'];
    for (const source of sources) expect(readmeTable.map((cells) => cells[0])).toContain(source);
  });
});
