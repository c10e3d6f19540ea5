/**
 * The version-neutral view of an Express router layer: what kind of layer it is for
 * `notFound()` (a route, a router, middleware that passes requests on, one that may answer
 * methods no route shows, ...). What only Express 4 or only Express 5 keeps in a layer is
 * read through a {@link RouterVersion} (`./express4`, `./express5`).
 */

/** The parts of a route that are read. */
export interface RouteLike {
  readonly path?: unknown;
  readonly methods?: Readonly<Record<string, unknown>>;
  /** The route's own layers, one per handler, each with the `method` it serves (none for `route.all()`). */
  readonly stack?: unknown;
}

/** The parts of an Express 4 or 5 layer that are read. */
export interface LayerLike {
  readonly handle?: unknown;
  readonly name?: unknown;
  readonly route?: RouteLike;
  /** A route's own layer: the lower-case method it serves. */
  readonly method?: unknown;
  /** Express 5 (router 2). */
  readonly matchers?: unknown;
  readonly rawPath?: unknown;
  readonly slash?: unknown;
  /** Express 4. */
  readonly regexp?: unknown;
  readonly keys?: unknown;
}

/** The `stack` of an Express router. */
export type Stack = readonly LayerLike[];

/** A thrown matcher (a malformed %-escape in a parameter) means the pattern did match. */
export const THREW = Symbol('threw');

/** The part of a path a layer matches, {@link THREW}, or `undefined` when it does not match. */
export type Match = string | typeof THREW | undefined;

/** What one major version of Express keeps in its router layers. */
export interface RouterVersion {
  /** Whether the layer is one of this version's. */
  readonly owns: (layer: LayerLike) => boolean;
  /** The app's router, or `undefined` when this version would not keep it there. */
  readonly routerOf: (app: object) => unknown;
  /** The part of `path` the layer matches, as this version's router would. */
  readonly match: (layer: LayerLike, path: string) => Match;
  /** Whether the layer is mounted at its router's root, so that it sees every request. */
  readonly atRoot: (layer: LayerLike) => boolean;
  /** The path pattern of a mount (not a route), when it can be read. */
  readonly mountPattern: (layer: LayerLike) => unknown;
  /**
   * The path pattern of a mount as it was written, parameters included (`/users/:id`), or
   * a RegExp or a list of them; `undefined` when it cannot be read back.
   */
  readonly mountTemplate: (layer: LayerLike) => unknown;
  /** Whether a router mounted at `/file` is entered for `/file.json`. */
  readonly entersAtDot: boolean;
  /** Whether the layer is one of the app's own built-in layers (by name and place). */
  readonly isBuiltIn: (layer: LayerLike, firstTwo: boolean) => boolean;
}
