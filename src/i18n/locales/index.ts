import de from './de';
import en from './en';
import es from './es';
import fr from './fr';
import ja from './ja';
import ko from './ko';
import ptBR from './pt-BR';
import vi from './vi';
import zhHans from './zh-Hans';
import zhHant from './zh-Hant';
import type { Catalog } from './types';

/** The built-in catalogs, by BCP 47 tag. The first is the fallback of last resort. */
export const CATALOGS = { en, ko, ja, 'zh-Hans': zhHans, 'zh-Hant': zhHant, es, fr, de, 'pt-BR': ptBR, vi } as const satisfies Readonly<Record<string, Catalog>>;

/** A language with a built-in catalog. */
export type Locale = keyof typeof CATALOGS;

/** The built-in languages, in the order negotiation prefers them on a tie. */
export const LOCALES = Object.keys(CATALOGS) as readonly Locale[];

export type { Catalog, CatalogEntry, PhraseKey, Phrases } from './types';
