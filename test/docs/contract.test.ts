import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openApiErrorResponses } from '../../src';

const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

// The list of languages grows as catalogs are added; the rest of the snippet must not drift.
function withoutLanguageList(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, member: unknown) => (key === 'Content-Language' ? { ...(member as object), schema: { type: 'string' } } : member));
}

describe('README: Error contract', () => {
  it('shows the OpenAPI responses for 404 and 503 exactly as openApiErrorResponses() makes them', () => {
    const section = readme.slice(readme.indexOf('## Error contract'));
    const block = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
    expect(block).toBeDefined();
    const shown = JSON.parse(block as string) as { components: { responses: unknown } };
    const made = openApiErrorResponses({ statuses: [404, 503], locales: ['en'], typeBaseUri: 'https://example.com/problems' });
    expect(withoutLanguageList(shown.components.responses)).toEqual(withoutLanguageList(made.components.responses));
  });

  it('names every strict rule in its table', () => {
    for (const rule of ['missing-header', 'method-status', 'status-mismatch', 'type-not-uri', 'extension-name']) expect(readme).toContain(`| \`${rule}\` |`);
  });
});
