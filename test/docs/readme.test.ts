import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { HttpError } from '../../src';
import * as api from '../../src';
import { STATUSES } from '../../src/core/status';
import { anchors, guides, read, relativeLinks, ROOT, rows, section } from './markdown';

const readme = read('README.md');
const pkg = JSON.parse(read('package.json')) as { engines: { node: string }; peerDependencies: { express: string } };

describe('README', () => {
  it('stays under 12 KB', () => {
    expect(statSync(path.join(ROOT, 'README.md')).size).toBeLessThan(12_288);
  });

  it('lists exactly the exported error classes in its class table', () => {
    const documented = rows(readme, /\d{3}/).flatMap((cells) => [...(cells[1] ?? '').matchAll(/`(\w+)`/g)].map((m) => m[1]));
    const exported = Object.entries(api)
      // A concrete status class carries its status as a static; the abstract bases do not.
      .filter(([, value]) => typeof value === 'function' && value.prototype instanceof HttpError && typeof (value as { status?: unknown }).status === 'number')
      .map(([name]) => name);
    expect([...documented].sort()).toEqual([...exported].sort());
  });

  it('gives each table row the status of its class', () => {
    const table = rows(readme, /\d{3}/);
    expect(table.length).toBeGreaterThan(0);
    for (const cells of table) {
      const status = Number(cells[0]);
      const className = /`(\w+)`/.exec(cells[1] ?? '')?.[1];
      expect(STATUSES[status as api.ErrorStatus].className).toBe(className);
    }
  });

  it('lists exactly the runnable examples in its examples table, each with its command', () => {
    const table = rows(section(readme, '## Examples'), /`[a-z-]+`/);
    const documented = table.map((cells) => (cells[0] ?? '').replace(/`/g, '')).sort();
    const files = readdirSync(path.join(ROOT, 'examples'))
      .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
      .map((file) => file.replace(/\.ts$/, ''))
      .sort();
    expect(documented).toEqual(files);
    for (const cells of table) {
      const name = (cells[0] ?? '').replace(/`/g, '');
      expect(cells[1]).toBe(name === 'basic' ? '`npm run example`' : `\`npm run example -- ${name}\``);
    }
  });

  it('shows the install command and the versions package.json supports', () => {
    const install = section(readme, '## Install');
    expect(install).toContain('npm install express-typed-errors');
    expect(install).toContain(`Node.js >= ${/^>=(\d+)$/.exec(pkg.engines.node)?.[1]}`);
    const [express4, express5] = pkg.peerDependencies.express.split('||').map((range) => range.trim().replace(/^\^/, ''));
    expect(install).toContain(`Express ${express4}+ or ${express5}`);
  });

  it('shows the commands that set up a checkout', () => {
    const develop = section(readme, '## Develop');
    expect(develop).toContain('npm install && npm run example');
    expect(develop).toContain('npm test');
    expect(develop).toContain("curl -i localhost:3000/report -H 'Accept-Language: ko'");
  });

  it('links every guide page, and the architecture page', () => {
    const linked = new Set(relativeLinks(readme).map((target) => target.replace(/#.*$/, '')));
    for (const page of [...guides(), 'docs/architecture.md']) expect(linked).toContain(page);
    for (const page of ['errors', 'handler', 'negotiation', 'localisation', 'unmatched-routes', 'interop', 'contract', 'client', 'security', 'performance']) {
      expect(linked).toContain(`docs/${page}.md`);
    }
  });
});

describe('links in the README and the guides', () => {
  const files = ['README.md', 'bench/README.md', ...guides()];

  it.each(files)('%s links only to files that exist, and to headings they have', (file) => {
    const here = path.dirname(file);
    for (const link of relativeLinks(read(file))) {
      const [target = '', anchor] = link.split('#');
      const resolved = target === '' ? file : path.normalize(path.join(here, target));
      const absolute = path.join(ROOT, resolved);
      expect({ link, exists: existsSync(absolute) && statSync(absolute).isFile() }).toEqual({ link, exists: true });
      if (anchor !== undefined && resolved.endsWith('.md')) expect({ link, anchor: anchors(read(resolved)).has(anchor) }).toEqual({ link, anchor: true });
    }
  });
});
