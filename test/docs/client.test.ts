/** docs/client.md stays in step with the client entry: its export table lists exactly what it exports. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as client from '../../src/client';
import { ERROR_STATUSES, STATUSES } from '../../src/core/status';

const guide = readFileSync(path.join(__dirname, '..', '..', 'docs', 'client.md'), 'utf8');

describe('docs/client.md', () => {
  it('lists exactly the exports of express-typed-errors/client', () => {
    const table = guide.slice(guide.indexOf('| Export |'), guide.indexOf('\n\n', guide.indexOf('| Export |')));
    const named = [...table.matchAll(/^\| ([^|]+) \|/gm)].flatMap(([, cell]) => [...(cell as string).matchAll(/`(\w+)`/g)].map(([, name]) => name as string));
    const classes = table.includes(`the ${ERROR_STATUSES.length} error classes`) ? ERROR_STATUSES.map((status) => STATUSES[status].className) : [];
    expect([...classes, ...named].sort()).toEqual(Object.keys(client).sort());
  });
});
