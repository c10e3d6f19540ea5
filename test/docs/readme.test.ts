import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HttpError } from '../../src';
import { STATUSES } from '../../src/core/status';
import { FORMATS } from '../../src/render/formats';
import * as api from '../../src';

const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('README', () => {
  it('lists exactly the exported error classes in its class table', () => {
    const rows = readme.split('\n').filter((line) => /^\| \d{3} \|/.test(line));
    const documented = rows.flatMap((row) => [...(row.split('|')[2] ?? '').matchAll(/`(\w+)`/g)].map((m) => m[1]));
    const exported = Object.entries(api)
      // A concrete status class carries its status as a static; the abstract bases do not.
      .filter(([, value]) => typeof value === 'function' && value.prototype instanceof HttpError && typeof (value as { status?: unknown }).status === 'number')
      .map(([name]) => name);
    expect([...documented].sort()).toEqual([...exported].sort());
  });

  it('gives each table row the status of its class', () => {
    for (const row of readme.split('\n').filter((line) => /^\| \d{3} \|/.test(line))) {
      const status = Number(row.split('|')[1]);
      const className = /`(\w+)`/.exec(row.split('|')[2] ?? '')?.[1];
      expect(STATUSES[status as api.ErrorStatus].className).toBe(className);
    }
  });

  it('describes exactly the formats errorHandler() negotiates, with their Content-Type', () => {
    const section = readme.slice(readme.indexOf('## Content negotiation'), readme.indexOf('## Localisation'));
    const rows = section.split('\n').filter((line) => /^\| `[a-z+]+` \|/.test(line));
    expect(rows.map((row) => /`([a-z+]+)`/.exec(row)?.[1])).toEqual([...FORMATS]);
    for (const row of rows) expect(row).toMatch(/\| `(application|text)\/[a-z+]+; charset=utf-8` \|/);
  });

  it('lists exactly the runnable examples in its examples table', () => {
    const section = readme.slice(readme.indexOf('## Examples'), readme.indexOf('\n## ', readme.indexOf('## Examples') + 1));
    const documented = [...section.matchAll(/^\| `([a-z-]+)`/gm)].map((m) => m[1]).sort();
    const files = readdirSync(path.join(__dirname, '..', '..', 'examples'))
      .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
      .map((file) => file.replace(/\.ts$/, ''))
      .sort();
    expect(documented).toEqual(files);
  });

  it('shows the quick start commands', () => {
    expect(readme).toContain('npm install && npm run example');
    expect(readme).toContain('npm test');
  });
});
