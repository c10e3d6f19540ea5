import Negotiator from 'negotiator';
import { cachedByHeader } from './header-cache';

// Only the head of a long header is read: clients list their favourite languages
// first, and a 20 kB header must cost no more than a normal one.
const MAX_HEADER_LENGTH = 256;
// Longer than any real tag: the app's choice may come from a query string.
const MAX_TAG_LENGTH = 64;
// A well-formed language range (RFC 4647 §2.1), or `*`.
const LANGUAGE_RANGE = /^(?:\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*)$/i;

// Region to script for Chinese: zh-TW reads Traditional, zh-CN Simplified.
const ALIASES: Readonly<Record<string, string>> = {
  'zh-tw': 'zh-hant',
  'zh-hk': 'zh-hant',
  'zh-mo': 'zh-hant',
  'zh-cn': 'zh-hans',
  'zh-sg': 'zh-hans',
  'zh-my': 'zh-hans',
};

/** Picks the supported language for an `Accept-Language` value. */
export type LanguageNegotiator = (acceptLanguage: string | undefined) => string;

/**
 * Builds a negotiator over a fixed set of languages: RFC 4647 lookup with q-values,
 * where `ko-KR` reaches `ko`, `zh-TW` reaches `zh-Hant`, `pt` reaches `pt-BR`, `*` the
 * default; `q=0` excludes; invalid ranges are skipped; anything unusable gives the default.
 * Results are cached per header value (bounded; headers cut to their head are not cached).
 */
export function createLanguageNegotiator(supported: readonly string[], defaultLocale: string): LanguageNegotiator {
  const lookup = buildLookup(supported);
  const longest = longestKey(lookup);

  function negotiate(head: string): string {
    const negotiator = new Negotiator({ headers: { 'accept-language': head } });
    for (const range of negotiator.languages()) {
      if (!LANGUAGE_RANGE.test(range)) continue;
      if (range === '*') return wildcard(negotiator);
      const found = lookupRange(lookup, range.toLowerCase(), longest);
      if (found !== undefined) return found;
    }
    return defaultLocale;
  }

  // `*` means any language not listed otherwise: the default, unless the client ruled it out.
  function wildcard(negotiator: Negotiator): string {
    if (negotiator.languages([defaultLocale]).length > 0) return defaultLocale;
    return supported.find((tag) => negotiator.languages([tag]).length > 0) ?? defaultLocale;
  }

  return cachedByHeader(MAX_HEADER_LENGTH, defaultLocale, negotiate);
}

/** Finds the supported language for one tag chosen by the app, or `undefined` when none fits. */
export type LanguageLookup = (tag: string) => string | undefined;

/**
 * Builds an RFC 4647 lookup of a single language tag (such as a user's saved preference)
 * over a fixed set of languages, with the same aliases as {@link createLanguageNegotiator}.
 * Unlike the negotiator it answers `undefined` rather than a default, so the caller can
 * fall back to `Accept-Language`.
 */
export function createLanguageLookup(supported: readonly string[]): LanguageLookup {
  const lookup = buildLookup(supported);
  const longest = longestKey(lookup);
  return (tag) => {
    if (typeof tag !== 'string' || tag.length > MAX_TAG_LENGTH || tag === '*' || !LANGUAGE_RANGE.test(tag)) return undefined;
    return lookupRange(lookup, tag.toLowerCase(), longest);
  };
}

/** Lower-cased tag, or prefix of one, to the supported tag it selects. */
function buildLookup(supported: readonly string[]): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const tag of supported) map.set(tag.toLowerCase(), tag);
  // A bare `pt` or `zh` reaches the first supported tag that extends it.
  for (const tag of supported) {
    const subtags = tag.toLowerCase().split('-');
    for (let n = subtags.length - 1; n > 0; n--) {
      const prefix = subtags.slice(0, n).join('-');
      if (!map.has(prefix)) map.set(prefix, tag);
    }
  }
  for (const [alias, target] of Object.entries(ALIASES)) {
    const tag = map.get(target);
    if (tag !== undefined && !map.has(alias) && tag.toLowerCase() === target) map.set(alias, tag);
  }
  return map;
}

/** The length of the longest key: no longer candidate can match. */
function longestKey(lookup: ReadonlyMap<string, string>): number {
  return Math.max(0, ...[...lookup.keys()].map((key) => key.length));
}

/** RFC 4647 §3.4 lookup: drop subtags from the end (and a singleton left dangling) until one matches. */
function lookupRange(lookup: ReadonlyMap<string, string>, range: string, longest: number): string | undefined {
  let candidate = range;
  for (;;) {
    // A candidate longer than every supported tag cannot match; skipping it keeps a long range linear.
    const found = candidate.length > longest ? undefined : lookup.get(candidate);
    if (found !== undefined) return found;
    let cut = candidate.lastIndexOf('-');
    if (cut < 0) return undefined;
    if (cut >= 2 && candidate[cut - 2] === '-') cut -= 2;
    candidate = candidate.slice(0, cut);
  }
}
