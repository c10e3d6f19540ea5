import type { ErrorStatus } from '../status';

/** The localised text of one status: a short title and a one-sentence default description. */
export interface CatalogEntry {
  readonly title: string;
  readonly detail: string;
}

/**
 * Localised sentences that are not tied to one status. `{name}` marks a value filled in
 * at run time.
 */
export interface Phrases {
  /** An unregistered 4xx code (e.g. 499). */
  readonly clientError: CatalogEntry;
  /** An unregistered 5xx code (e.g. 599). */
  readonly serverError: CatalogEntry;
  /**
   * The retry sentence of the HTML page when `Retry-After` is near; `{when}` is a relative
   * time from `Intl.RelativeTimeFormat`, e.g. "in 2 minutes", "2분 후".
   */
  readonly retryIn: string;
  /** The retry sentence when `Retry-After` is a date more than a day away; `{date}` is that date and time in UTC. */
  readonly retryAt: string;
}

/**
 * One language's complete catalog. Every status is required: a language file that
 * misses one does not compile.
 */
export interface Catalog {
  readonly statuses: { readonly [S in ErrorStatus]: CatalogEntry };
  readonly phrases: Phrases;
}
