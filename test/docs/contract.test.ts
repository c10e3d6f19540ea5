import { openApiErrorResponses } from '../../src';
import type { StrictRule } from '../../src';
import { read, rows, section } from './markdown';

const guide = read('docs/contract.md');

// The list of languages grows as catalogs are added; the rest of the snippet must not drift.
function withoutLanguageList(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, member: unknown) => (key === 'Content-Language' ? { ...(member as object), schema: { type: 'string' } } : member));
}

// Written as a record so that a rule added to StrictRule does not compile until it is listed here.
const RULES: Record<StrictRule, true> = { 'missing-header': true, 'method-status': true, 'status-mismatch': true, 'type-not-uri': true, 'instance-not-uri': true, 'extension-name': true, 'undeclared-status': true, 'item-detail': true };

describe('docs/contract.md', () => {
  it('shows the OpenAPI responses for 404 and 503 exactly as openApiErrorResponses() makes them', () => {
    const block = /```json\n([\s\S]*?)\n```/.exec(section(guide, '## OpenAPI: `openApiErrorResponses()` and `mergeOpenApi()`'))?.[1];
    expect(block).toBeDefined();
    const shown = JSON.parse(block as string) as { components: { responses: unknown } };
    const made = openApiErrorResponses({ statuses: [404, 503], locales: ['en'], typeBaseUri: 'https://example.com/problems', formats: ['problem+json', 'html'], fallbacks: false });
    expect(withoutLanguageList(shown.components.responses)).toEqual(withoutLanguageList(made.components.responses));
  });

  it('names every strict rule in its table, and no other', () => {
    const table = rows(section(guide, '## Strict mode'), /`[a-z-]+`/);
    expect(table.map((cells) => (cells[0] ?? '').replace(/`/g, '')).sort()).toEqual(Object.keys(RULES).sort());
  });
});
