/**
 * Everything `errorHandler()` needs to speak the client's language, prepared once from its
 * options: the catalogs (built-in, overridden, added), the app's messages compiled with
 * ICU MessageFormat, and the choice of language per request.
 */
import type { Request } from 'express';
import type { IntlMessageFormat } from 'intl-messageformat';
import { compileMessage } from './formats';
import { CATALOGS, LOCALES } from './locales';
import type { Catalog, CatalogEntry, Locale, Phrases } from './locales';
import { unlessPromise } from '../core/callback';
import type { Message } from '../core/message';
import { createLanguageLookup, createLanguageNegotiator } from './negotiate';
import { ERROR_STATUSES, isErrorStatus } from '../core/status';
import type { ErrorStatus } from '../core/status';

/** A phrase override: the members of an entry may be replaced one by one. */
export type PhrasesOverride = {
  readonly [K in keyof Phrases]?: Phrases[K] extends CatalogEntry ? Partial<CatalogEntry> : Phrases[K];
};

/** Status code to the members of its entry that change. */
export type StatusesOverride = { readonly [S in ErrorStatus]?: Partial<CatalogEntry> };

/**
 * Changes to a built-in language: any status's `title` or `detail`, keyed by the status
 * code, and any phrase under `phrases`. A whole `Catalog` (with `statuses`) fits too.
 *
 * @example
 * const ko: CatalogOverride = { 404: { title: '없는 페이지' } };
 */
export type CatalogOverride = StatusesOverride & { readonly statuses?: StatusesOverride; readonly phrases?: PhrasesOverride };

/**
 * The `catalogs` option: a partial {@link CatalogOverride} for a language we ship, a
 * complete {@link Catalog} for a new one (a new language missing a status does not compile).
 */
export type CatalogsOption<L extends string = Locale> = {
  readonly [K in L | Locale]?: K extends Locale ? CatalogOverride : Catalog;
};

/** App messages: per language tag, message key to ICU MessageFormat text. */
export type AppMessages<L extends string = string> = {
  readonly [K in L]?: Readonly<Record<string, string>>;
};

/** The language of one response, with everything needed to write it. */
export interface LocaleContext {
  /** The BCP 47 tag sent as `Content-Language`. */
  readonly locale: string;
  readonly catalog: Catalog;
  /** Renders a message in this language, falling back as documented; never throws. */
  readonly resolve: (message: Message) => string | undefined;
}

/** The options {@link createLocalization} reads (those of `errorHandler()`). */
export interface LocalizationOptions {
  readonly defaultLocale?: string;
  readonly catalogs?: Readonly<Record<string, unknown>>;
  readonly messages?: Readonly<Record<string, unknown>>;
  readonly locale?: (req: Request) => string | undefined;
}

/** Prepared localisation: the supported languages and the choice per request. */
export interface Localization {
  /** Every language with a catalog: the built-in ones in order, then the added ones. */
  readonly locales: readonly string[];
  readonly defaultLocale: string;
  /** The catalog of every supported language, overrides applied. */
  readonly catalogs: ReadonlyMap<string, Catalog>;
  /** The language of a request: the app's choice if it has a catalog, else `Accept-Language`. */
  select(req: Request): LocaleContext;
}

type Formatter = IntlMessageFormat;

/**
 * Builds catalogs, compiles messages and sets up negotiation, throwing a `TypeError` or
 * `SyntaxError` that names the culprit when an option is wrong. Called once per `errorHandler()`.
 */
export function createLocalization(options: LocalizationOptions = {}): Localization {
  const catalogs = buildCatalogs(options.catalogs);
  const locales = [...catalogs.keys()];
  const defaultLocale = options.defaultLocale ?? 'en';
  if (!catalogs.has(defaultLocale)) {
    throw new TypeError(`errorHandler: defaultLocale "${String(defaultLocale)}" has no catalog; use one of ${locales.join(', ')} or add it with the catalogs option`);
  }
  const messages = compileMessages(options.messages, catalogs);

  const contexts = new Map<string, LocaleContext>();
  for (const [locale, catalog] of catalogs) {
    const chains = buildChains(locale, defaultLocale, catalog, messages);
    contexts.set(locale, { locale, catalog, resolve: (m) => format(chains.get(m.key), m.params) });
  }

  const negotiate = createLanguageNegotiator(locales, defaultLocale);
  const lookup = createLanguageLookup(locales);
  const choose = options.locale;
  const fallback = contexts.get(defaultLocale) as LocaleContext;

  return {
    locales,
    defaultLocale,
    catalogs,
    select(req) {
      if (choose !== undefined) {
        try {
          const chosen = unlessPromise(choose(req));
          const found = typeof chosen === 'string' ? lookup(chosen) : undefined;
          if (found !== undefined) return contexts.get(found) ?? fallback;
        } catch {
          // The app's chooser failed: the client's own preference still applies.
        }
      }
      return contexts.get(negotiate(req.headers['accept-language'])) ?? fallback;
    },
  };
}

// The first candidate that formats wins: a missing parameter or a bad value falls through.
function format(chain: readonly Formatter[] | undefined, params: Message['params']): string | undefined {
  if (chain === undefined) return undefined;
  for (const formatter of chain) {
    try {
      const text = formatter.format(params as Record<string, string | number | Date> | undefined);
      if (typeof text === 'string') return text;
    } catch {
      // Try the next language.
    }
  }
  return undefined;
}

/** Key -> candidates in order: the language's message, the default language's, the built-in phrase. */
function buildChains(locale: string, defaultLocale: string, catalog: Catalog, messages: ReadonlyMap<string, ReadonlyMap<string, Formatter>>): ReadonlyMap<string, readonly Formatter[]> {
  const sources = [messages.get(locale), locale === defaultLocale ? undefined : messages.get(defaultLocale), compilePhrases(locale, catalog)];
  const chains = new Map<string, Formatter[]>();
  for (const source of sources) {
    if (source === undefined) continue;
    for (const [key, formatter] of source) {
      const chain = chains.get(key);
      if (chain === undefined) chains.set(key, [formatter]);
      else chain.push(formatter);
    }
  }
  return chains;
}

function compile(text: string, locale: string, what: string): Formatter {
  try {
    return compileMessage(text, locale);
  } catch (error) {
    throw new SyntaxError(`errorHandler: ${what} in "${locale}" is not valid ICU MessageFormat: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function compilePhrases(locale: string, catalog: Catalog): ReadonlyMap<string, Formatter> {
  const compiled = new Map<string, Formatter>();
  const phrases = catalog.phrases as unknown as Readonly<Record<string, unknown>>;
  for (const key of Object.keys(phrases)) {
    const text = phrases[key];
    if (typeof text === 'string') compiled.set(key, compile(text, locale, `phrase "${key}"`));
  }
  return compiled;
}

function compileMessages(option: LocalizationOptions['messages'], catalogs: ReadonlyMap<string, Catalog>): ReadonlyMap<string, ReadonlyMap<string, Formatter>> {
  const compiled = new Map<string, Map<string, Formatter>>();
  if (option === undefined) return compiled;
  if (!isPlainObject(option)) throw new TypeError('errorHandler: messages must be an object of languages, e.g. { en: { "user.notFound": "No user {id}." } }');
  for (const locale of Object.keys(option)) {
    if (!catalogs.has(locale)) {
      throw new TypeError(`errorHandler: messages for "${locale}", which has no catalog; use one of ${[...catalogs.keys()].join(', ')} or add it with the catalogs option`);
    }
    const table = option[locale];
    if (table === undefined) continue;
    if (!isPlainObject(table)) throw new TypeError(`errorHandler: messages.${locale} must be an object of message texts`);
    const formatters = new Map<string, Formatter>();
    for (const key of Object.keys(table)) {
      const text = table[key];
      if (typeof text !== 'string') throw new TypeError(`errorHandler: message "${key}" in "${locale}" must be a string`);
      formatters.set(key, compile(text, locale, `message "${key}"`));
    }
    compiled.set(locale, formatters);
  }
  return compiled;
}

/** Built-in catalogs with the app's overrides, then the app's new languages, by tag. */
function buildCatalogs(option: LocalizationOptions['catalogs']): ReadonlyMap<string, Catalog> {
  if (option !== undefined && !isPlainObject(option)) throw new TypeError('errorHandler: catalogs must be an object of languages, e.g. { ko: { 404: { title: "..." } } }');
  const catalogs = new Map<string, Catalog>();
  for (const locale of LOCALES) {
    const override = option?.[locale];
    catalogs.set(locale, override === undefined ? CATALOGS[locale] : applyOverride(CATALOGS[locale], override, locale));
  }
  for (const locale of Object.keys(option ?? {})) {
    if (catalogs.has(locale)) continue;
    checkNewTag(locale);
    catalogs.set(locale, checkCatalog(option?.[locale], locale));
  }
  return catalogs;
}

function checkNewTag(locale: string): void {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(locale)[0];
  } catch {
    canonical = undefined;
  }
  const builtIn = LOCALES.find((tag) => tag.toLowerCase() === locale.toLowerCase());
  if (builtIn !== undefined) throw new TypeError(`errorHandler: catalogs.${locale}: write the built-in language as "${builtIn}"`);
  if (canonical === undefined) throw new TypeError(`errorHandler: catalogs: "${locale}" is not a valid BCP 47 language tag`);
  if (canonical !== locale) throw new TypeError(`errorHandler: catalogs: write "${locale}" in its canonical form "${canonical}"`);
}

function applyOverride(base: Catalog, override: unknown, locale: string): Catalog {
  const where = `errorHandler: catalogs.${locale}`;
  if (!isPlainObject(override)) throw new TypeError(`${where} must be an object such as { 404: { title: "..." } }`);
  const statuses: Record<number, CatalogEntry> = { ...base.statuses };
  const phrases: Record<string, unknown> = { ...base.phrases };
  for (const key of Object.keys(override)) {
    const value = override[key];
    if (key === 'phrases') {
      if (!isPlainObject(value)) throw new TypeError(`${where}.phrases must be an object`);
      for (const name of Object.keys(value)) {
        const current = Object.hasOwn(phrases, name) ? phrases[name] : undefined;
        if (current === undefined) throw new TypeError(`${where}.phrases: "${name}" is not a built-in phrase`);
        phrases[name] = typeof current === 'string' ? checkText(value[name], `${where}.phrases.${name}`) : mergeEntry(current as CatalogEntry, value[name], `${where}.phrases.${name}`);
      }
    } else if (key === 'statuses') {
      if (!isPlainObject(value)) throw new TypeError(`${where}.statuses must be an object`);
      for (const code of Object.keys(value)) overrideStatus(statuses, code, value[code], `${where}.statuses`);
    } else {
      overrideStatus(statuses, key, value, where);
    }
  }
  return { statuses: statuses as Catalog['statuses'], phrases: phrases as unknown as Phrases };
}

function overrideStatus(statuses: Record<number, CatalogEntry>, key: string, value: unknown, where: string): void {
  const status = Number(key);
  if (!isErrorStatus(status) || String(status) !== key) {
    throw new TypeError(`${where}: "${key}" is neither an error status this library defines nor "statuses" or "phrases"`);
  }
  statuses[status] = mergeEntry(statuses[status] as CatalogEntry, value, `${where}.${key}`);
}

function mergeEntry(base: CatalogEntry, override: unknown, where: string): CatalogEntry {
  if (!isPlainObject(override)) throw new TypeError(`${where} must be an object with a title and/or a detail`);
  for (const key of Object.keys(override)) {
    if (key !== 'title' && key !== 'detail') throw new TypeError(`${where}: unknown member "${key}" (only title and detail)`);
  }
  return {
    title: override.title === undefined ? base.title : checkText(override.title, `${where}.title`),
    detail: override.detail === undefined ? base.detail : checkText(override.detail, `${where}.detail`),
  };
}

// A new language must be as complete as ours: JavaScript callers get the check TypeScript gives.
function checkCatalog(value: unknown, locale: string): Catalog {
  const where = `errorHandler: catalogs.${locale}`;
  const hint = 'a new language needs a complete catalog: { statuses: { 400: { title, detail }, ... }, phrases: { ... } }';
  if (!isPlainObject(value) || !isPlainObject(value.statuses) || !isPlainObject(value.phrases)) throw new TypeError(`${where}: ${hint}`);
  const statuses: Record<number, CatalogEntry> = {};
  for (const status of ERROR_STATUSES) {
    const entry = value.statuses[status];
    if (!isPlainObject(entry)) throw new TypeError(`${where}: status ${status} is missing; ${hint}`);
    statuses[status] = { title: checkText(entry.title, `${where}.statuses.${status}.title`), detail: checkText(entry.detail, `${where}.statuses.${status}.detail`) };
  }
  const phrases: Record<string, unknown> = {};
  const reference = CATALOGS.en.phrases as unknown as Readonly<Record<string, unknown>>;
  for (const name of Object.keys(reference)) {
    const given = value.phrases[name];
    if (typeof reference[name] === 'string') {
      phrases[name] = checkText(given, `${where}.phrases.${name}`);
    } else {
      if (!isPlainObject(given)) throw new TypeError(`${where}: phrase "${name}" is missing; ${hint}`);
      phrases[name] = { title: checkText(given.title, `${where}.phrases.${name}.title`), detail: checkText(given.detail, `${where}.phrases.${name}.detail`) };
    }
  }
  return { statuses: statuses as Catalog['statuses'], phrases: phrases as unknown as Phrases };
}

function checkText(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new TypeError(`${where} must be a non-empty string`);
  return value;
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
