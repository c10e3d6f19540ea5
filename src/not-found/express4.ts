/**
 * What Express 4's router keeps in a layer: one `regexp` (with `fast_slash` for a root
 * mount and `fast_star` for `*`), its parameter keys, and the app's own first two layers,
 * `query` and `expressInit`. `layer.match` is never called: it writes to the layer.
 */
import { THREW } from './layer';
import type { LayerLike, Match, RouterVersion } from './layer';

type Express4RegExp = RegExp & { fast_slash?: unknown; fast_star?: unknown };

// What Express 4 (path-to-regexp 0.1) makes of a literal mount path: `/api/v1` gives `^\/api\/v1\/?(?=\/|$)`.
const LITERAL_MOUNT = /^\^((?:\\\/[A-Za-z0-9_~-]+)+)\\\/\?\(\?=\\\/\|\$\)$/;
// Express 4's own first two layers of every app; known by place too, as `query` is a common name.
const BUILT_IN = ['query', 'expressInit'];

function regexpOf(layer: LayerLike): Express4RegExp | undefined {
  const regexp = layer.regexp;
  return regexp instanceof RegExp ? (regexp as Express4RegExp) : undefined;
}

export const express4: RouterVersion = {
  owns: (layer) => !Array.isArray(layer.matchers),
  // Its router sits in `_router` once a route exists; its `app.router` getter throws.
  routerOf: (app) => (Object.hasOwn(app, '_router') ? (app as { _router?: unknown })._router : undefined),
  match(layer: LayerLike, path: string): Match {
    const regexp = regexpOf(layer);
    if (regexp === undefined) return undefined;
    if (regexp.fast_slash === true) return '';
    if (regexp.fast_star === true) return path;
    regexp.lastIndex = 0;
    const match = regexp.exec(path);
    if (match === null) return undefined;
    // Express 4 decodes each parameter as it matches and answers 400 where one cannot be.
    for (let i = 1; i < match.length; i++) {
      const value = match[i];
      if (value === undefined || value === '') continue;
      try {
        decodeURIComponent(value);
      } catch {
        return THREW;
      }
    }
    return match[0];
  },
  atRoot: (layer) => regexpOf(layer)?.fast_slash === true,
  // A mount keeps only its RegExp: a literal one is read back into its path.
  mountPattern(layer) {
    const source = regexpOf(layer)?.source;
    const literal = source === undefined ? null : LITERAL_MOUNT.exec(source);
    return literal === null ? undefined : (literal[1] as string).replace(/\\\//g, '/');
  },
  // A router mounted at `/file` is entered for `/file.json` too.
  entersAtDot: true,
  isBuiltIn: (layer, firstTwo) => firstTwo && typeof layer.name === 'string' && BUILT_IN.includes(layer.name),
};
