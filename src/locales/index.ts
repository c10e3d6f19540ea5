import en from './en';
import ko from './ko';
import type { Catalog } from './types';

/** The built-in catalogs, by BCP 47 tag. The first is the fallback of last resort. */
export const CATALOGS = { en, ko } as const satisfies Readonly<Record<string, Catalog>>;

/** A language with a built-in catalog. */
export type Locale = keyof typeof CATALOGS;

/** The built-in languages, in the order negotiation prefers them on a tie. */
export const LOCALES = Object.keys(CATALOGS) as readonly Locale[];

export type { Catalog, CatalogEntry, PhraseKey, Phrases } from './types';
