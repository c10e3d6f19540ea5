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
// What path-to-regexp 0.1 makes of each part of a mount path, read back left to right: a
// parameter (`/:id`, `/:id?`, `.:ext`), a wildcard, an escaped `/` or `.`, literal characters.
const TEMPLATE_PARTS: readonly (readonly [string, (name: string) => string])[] = [
  ['(?:\\/([^/]+?))?', (name) => `/:${name}?`],
  ['(?:\\/([^/]+?))', (name) => `/:${name}`],
  ['(?:\\.([^/\\.]+?))', (name) => `.:${name}`],
  ['\\/(.*)', () => '/*'],
];
// A wildcard's group starts right after its escaped slash.
const TEMPLATE_LITERAL = /^(?:\\[/.](?!\()|[A-Za-z0-9_~-])+/;
// A mount's RegExp ends in an optional slash followed by a slash or the end.
const MOUNT_END = '\\/?(?=\\/|$)';
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
  // A mount keeps only its RegExp and parameter names: the usual parts are read back into
  // its path, a RegExp the app wrote stays one, and anything else is shown as its RegExp.
  mountTemplate(layer) {
    const regexp = regexpOf(layer);
    if (regexp === undefined) return undefined;
    if (regexp.fast_slash === true) return '/';
    const keys = Array.isArray(layer.keys) ? (layer.keys as readonly { name?: unknown }[]) : [];
    return readTemplate(regexp.source, keys) ?? regexp;
  },
  // A router mounted at `/file` is entered for `/file.json` too.
  entersAtDot: true,
  isBuiltIn: (layer, firstTwo) => firstTwo && typeof layer.name === 'string' && BUILT_IN.includes(layer.name),
};

function readTemplate(source: string, keys: readonly { name?: unknown }[]): string | undefined {
  if (!source.startsWith('^') || !source.endsWith(MOUNT_END)) return undefined;
  const body = source.slice(1, -MOUNT_END.length);
  let template = '';
  let key = 0;
  for (let at = 0; at < body.length; ) {
    const rest = body.slice(at);
    const part = TEMPLATE_PARTS.find(([text]) => rest.startsWith(text));
    if (part !== undefined) {
      const name = keys[key++]?.name;
      template += part[1](typeof name === 'string' ? name : '');
      at += part[0].length;
      continue;
    }
    const literal = TEMPLATE_LITERAL.exec(rest);
    if (literal === null) return undefined;
    template += literal[0].replace(/\\([/.])/g, '$1');
    at += literal[0].length;
  }
  return key === keys.length ? template : undefined;
}
