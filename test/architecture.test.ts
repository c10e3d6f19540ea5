/**
 * The areas of src/ and the one direction their imports point in, as docs/architecture.md
 * describes them. Read from the source text: no module is loaded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '..', 'src');
const ENTRIES = ['index.ts', 'client.ts', 'zod.ts'];

const AREAS = ['core', 'i18n', 'problem', 'render', 'contract', 'not-found', 'handler', 'client'];

/** Each area and the areas it may import from; the entry files import what they export. */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  core: [],
  i18n: ['core'],
  problem: ['core', 'i18n'],
  render: ['core', 'i18n', 'problem'],
  contract: ['core', 'i18n', 'problem', 'render', 'not-found'],
  'not-found': ['core'],
  handler: ['core', 'i18n', 'problem', 'render', 'contract', 'not-found'],
  client: ['core'],
  'client.ts': ['client', 'core'],
  'zod.ts': ['core', 'problem'],
  'index.ts': [...AREAS, 'client.ts'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(SRC, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** The area of a file under src/: its top folder, or the entry file itself. */
function areaOf(file: string): string {
  return file.includes('/') ? (file.split('/')[0] as string) : file;
}

/** The files under src/ that `file` imports or re-exports from. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(SRC, file), 'utf8');
  const targets: string[] = [];
  for (const match of text.matchAll(/^(?:import|export)\s[^'";]*?\bfrom\s+['"](\.[^'"]+)['"]/gm)) {
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1] as string));
    targets.push(resolved);
  }
  return targets;
}

const files = sourceFiles(SRC);

describe('the layout of src/', () => {
  it('has exactly the documented areas and entry files at its top', () => {
    const top = [...new Set(files.map(areaOf))].sort();
    expect(top).toEqual(Object.keys(MAY_IMPORT).sort());
    expect(files.filter((file) => !file.includes('/')).sort()).toEqual([...ENTRIES].sort());
  });

  it.each(files)('%s imports only from its own area or the areas below it', (file) => {
    const from = areaOf(file);
    const allowed = new Set([from, ...(MAY_IMPORT[from] ?? [])]);
    const wrong = importsOf(file).filter((target) => !allowed.has(areaOf(target)));
    expect(wrong).toEqual([]);
  });

  it('describes every area in docs/architecture.md', () => {
    const doc = readFileSync(path.join(__dirname, '..', 'docs', 'architecture.md'), 'utf8');
    for (const area of Object.keys(MAY_IMPORT)) expect(doc).toContain(area.endsWith('.ts') ? `\`src/${area}\`` : `\`src/${area}/\``);
  });
});
