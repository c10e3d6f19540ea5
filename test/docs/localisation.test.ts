import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOGS, LOCALES } from '../../src';
import { NAMED_FORMATS } from '../../src/i18n/formats';
import { CONCEPTS, GLOSSARIES } from '../../src/i18n/locales/glossary';
import { FORMAT_KINDS } from '../../src/i18n/locales/select';
import { formatMessage } from '../../src/problem/interop/value-kinds';
import { read, rows, section } from './markdown';

function english(text: string, values: Record<string, unknown>): string {
  return String(new IntlMessageFormat(text, 'en', NAMED_FORMATS, { ignoreTag: true }).format(values as Record<string, string>));
}

const guide = read('docs/localisation.md');

describe('docs/localisation.md', () => {
  const table = rows(section(guide, '## Built-in languages'), /`[a-zA-Z-]+`/);

  it('lists exactly the built-in languages, in order', () => {
    expect(table.map((cells) => (cells[0] ?? '').replace(/`/g, ''))).toEqual([...LOCALES]);
  });

  it("quotes each language's real 404 title", () => {
    for (const cells of table) {
      const tag = (cells[0] ?? '').replace(/`/g, '') as keyof typeof CATALOGS;
      expect(cells[3]).toBe(CATALOGS[tag].statuses[404].title);
    }
  });

  it('documents the options it describes', () => {
    for (const option of ['`messages`', '`catalogs`', '`locale`', '`defaultLocale`', 'defineMessages()', 'npm run example -- localized']) expect(guide).toContain(option);
  });

  it('lists every format kind with the zod formats it covers and its English sentence', () => {
    const table = rows(section(guide, "## Formats and types in validators' words"), /`[a-z0-9]+`/);
    expect(table.map((cells) => (cells[0] ?? '').replace(/`/g, ''))).toEqual([...FORMAT_KINDS]);
    for (const [kind, formats, sentence] of table) {
      const names = (formats ?? '').split(', ').map((format) => format.replace(/`/g, ''));
      const messages = names.map((name) => formatMessage(name));
      expect(messages.map((message) => message.params?.format)).toEqual(names.map(() => (kind ?? '').replace(/`/g, '')));
      const rendered = messages.map((message) => english(CATALOGS.en.phrases.zodInvalidFormat, message.params ?? {}));
      expect(rendered).toContain(sentence);
    }
  });

  it('lists the named formats with what they render', () => {
    const table = rows(section(guide, '## Plurals, numbers and dates'), /`\{[nd], \w+, \w+\}`/);
    expect(table.map((cells) => /`\{[nd], (\w+), (\w+)\}`/.exec(cells[0] ?? '')?.slice(1).join('.'))).toEqual(
      Object.entries(NAMED_FORMATS).flatMap(([type, formats]) => Object.keys(formats).map((name) => `${type}.${name}`)),
    );
    const values = { n: 0.0001, d: new Date(Date.UTC(2030, 0, 5, 16, 5)) };
    for (const [argument, , example] of table) expect(english((argument ?? '').replace(/`/g, ''), values)).toBe(example);
  });

  it('shows each language\'s glossary term for every concept', () => {
    const table = rows(section(guide, '## One terminology per language'), /[a-zA-Z]+/).filter((cells) => cells[0] !== 'Concept');
    expect(table.map((cells) => cells[0])).toEqual(Object.keys(CONCEPTS));
    for (const [concept, ...terms] of table) {
      expect(terms).toEqual(Object.values(GLOSSARIES).map((glossary) => glossary[concept as keyof typeof CONCEPTS].use[0]));
    }
  });
});
