import { READERS } from '../../src/problem/interop';
import { DATABASE_RETRY_AFTER, MAX_FIELD_NAME_LENGTH } from '../../src/problem/interop/database';
import { read, rows, section } from './markdown';

const guide = read('docs/interop.md');
const names = READERS.map((reader) => reader.name);

describe('docs/interop.md', () => {
  it("names every reader, in order, in the table of how each source is recognised", () => {
    const table = rows(section(guide, '## How each source is recognised'), /[^|]+/);
    const documented = table.flatMap((cells) => [.../\(`(\w+)`\)$/.exec(cells[0] ?? '') ?? []].slice(1));
    expect(documented).toEqual(names);
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
