/**
 * One terminology per language: wherever the English of a status or phrase names a concept of
 * the glossary, the language's text uses its term for it, and none of the words to avoid.
 */
import { CONCEPTS, GLOSSARIES } from '../../src/i18n/locales/glossary';
import type { Concept, TranslatedLocale } from '../../src/i18n/locales/glossary';
import { renderCatalog } from '../helpers/phrases';

const english = new Map(renderCatalog('en').map(({ where, text }) => [where, text]));
const LANGUAGES = Object.keys(GLOSSARIES) as TranslatedLocale[];

function contains(text: string, word: string): boolean {
  return text.toLocaleLowerCase().includes(word.toLocaleLowerCase());
}

describe('the glossary', () => {
  it('has a glossary for every built-in language but English', () => {
    expect(LANGUAGES).toEqual(['ko', 'ja', 'zh-Hans', 'zh-Hant', 'es', 'fr', 'de', 'pt-BR', 'vi']);
  });

  it('names concepts the English texts use', () => {
    for (const [concept, pattern] of Object.entries(CONCEPTS)) {
      expect({ concept, used: [...english.values()].some((text) => pattern.test(text)) }).toEqual({ concept, used: true });
    }
  });

  it.each(LANGUAGES)('%s uses its term wherever the English names the concept', (locale) => {
    const glossary = GLOSSARIES[locale];
    const misses: string[] = [];
    for (const { where, text } of renderCatalog(locale)) {
      const source = english.get(where) ?? '';
      for (const concept of Object.keys(CONCEPTS) as Concept[]) {
        if (!CONCEPTS[concept].test(source)) continue;
        const { use, avoid = [] } = glossary[concept];
        if (!use.some((word) => contains(text, word))) misses.push(`${where}: ${concept} is "${use[0]}" in "${text}"`);
        for (const word of avoid) if (contains(text, word)) misses.push(`${where}: "${word}" for ${concept} in "${text}"`);
      }
    }
    expect(misses).toEqual([]);
  });

  it.each(LANGUAGES)('%s titles 401 with its word for authentication, as it does 407 and 511', (locale) => {
    const { use } = GLOSSARIES[locale].authentication;
    const titles = renderCatalog(locale).filter(({ where }) => ['401.title', '407.title', '511.title'].includes(where));
    for (const { text } of titles) expect(use.some((word) => contains(text, word))).toBe(true);
  });
});
