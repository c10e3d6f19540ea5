/**
 * What each `errorHandler()` was created with, so that the contract builders document what
 * that handler really sends (its formats, its languages, its type URIs).
 */
import type { Format } from '../render/formats';

/** The options of `errorHandler()` that shape what it sends, as the contract builders read them. */
export interface SentShape {
  readonly formats?: readonly Format[];
  readonly catalogs?: Readonly<Record<string, unknown>>;
  readonly defaultLocale?: string;
  readonly typeBaseUri?: string;
}

declare const languages: unique symbol;

/**
 * Any `errorHandler()`, for the builders that read its options. `L` is the set of languages
 * its `catalogs` added, carried in its type only, so that `locales: ['it']` compiles.
 */
export interface ErrorHandlerLike<L extends string = string> {
  (...args: never[]): unknown;
  /** Never set: it only carries `L`. */
  readonly [languages]?: L;
}

const HANDLERS = new WeakMap<object, SentShape>();

/** Keeps a copy of the options a handler was created with. */
export function describeHandler(handler: object, options: SentShape): void {
  HANDLERS.set(handler, { formats: options.formats, catalogs: options.catalogs, defaultLocale: options.defaultLocale, typeBaseUri: options.typeBaseUri });
}

/** The options `handler` was created with, or `undefined` when it is not an `errorHandler()`. */
export function handlerOptionsOf(handler: unknown): SentShape | undefined {
  return typeof handler === 'function' ? HANDLERS.get(handler) : undefined;
}
