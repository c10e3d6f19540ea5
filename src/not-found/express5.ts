/**
 * What Express 5's router (router 2.x) keeps in a layer: `matchers` (one function per path
 * pattern), `slash` for a layer mounted at its router's root, `rawPath` for the pattern.
 * Nothing here is called that could change request state.
 */
import { THREW } from './layer';
import type { LayerLike, Match, RouterVersion } from './layer';

export const express5: RouterVersion = {
  owns: (layer) => Array.isArray(layer.matchers),
  routerOf: (app) => (app as { router?: unknown }).router,
  match(layer: LayerLike, path: string): Match {
    if (layer.slash === true) return '';
    for (const matcher of layer.matchers as unknown[]) {
      if (typeof matcher !== 'function') continue;
      try {
        const result = matcher(path) as { path?: unknown } | false;
        if (result !== false && result !== null && typeof result === 'object') return typeof result.path === 'string' ? result.path : '';
      } catch {
        // A malformed %-escape in a parameter: the pattern did match, and Express answers 400.
        return THREW;
      }
    }
    return undefined;
  },
  atRoot: (layer) => layer.slash === true,
  mountPattern: (layer) => layer.rawPath,
  mountTemplate: (layer) => layer.rawPath,
  // A router mounted at `/file` is not entered for `/file.json`.
  entersAtDot: false,
  // Express 5's app adds no layers of its own.
  isBuiltIn: () => false,
};
