import express5 from 'express';
import fc from 'fast-check';
import { versionOf } from '../../src/not-found/classify';
import type { LayerLike } from '../../src/not-found/layer';
import { stackOf } from '../../src/not-found/walk';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const express4 = require('express4') as typeof express5;

/** The layer `app.use(path, router)` leaves in the app's router. */
function mountLayer(express: typeof express5, path: string | RegExp): LayerLike {
  const app = express();
  app.use(path, express.Router());
  const stack = stackOf(app) ?? [];
  return stack[stack.length - 1] as LayerLike;
}

const template = (express: typeof express5, path: string | RegExp): unknown => {
  const layer = mountLayer(express, path);
  return versionOf(layer).mountTemplate(layer);
};

describe('mountTemplate', () => {
  it.each([
    ['a literal path', '/api/v1'],
    ['a parameter between literals', '/users/:id/posts'],
    ['two parameters', '/orgs/:org/teams/:team'],
    ['an optional parameter', '/files/:name?'],
    ['a format parameter', '/report.:ext'],
    ['a wildcard', '/static/*'],
    ['literal characters path-to-regexp leaves as they are', '/l-m/n_o~p'],
  ])('reads back %s from the RegExp Express 4 keeps', (_name, path) => {
    expect(template(express4, path)).toBe(path);
  });

  it.each([
    ['a parameter with its own pattern', '/items/:id(\\d+)'],
    ['two parameters in one segment', '/range/:from-:to'],
  ])('gives the RegExp itself for %s, which it cannot read back on Express 4', (_name, path) => {
    const layer = mountLayer(express4, path);
    expect(versionOf(layer).mountTemplate(layer)).toBe(layer.regexp);
  });

  it('gives a RegExp mount path as it was written, on both versions', () => {
    const written = /^\/v\d+/;
    expect(template(express4, written)).toBe(written);
    expect(template(express5, written)).toBe(written);
  });

  it.each(['/api/v1', '/users/:id/posts', '/files{/:name}', '/static/*path'])('gives the path Express 5 keeps as written: %s', (path) => {
    expect(template(express5, path)).toBe(path);
  });

  it('reads back every mount path of literals and parameters on Express 4', () => {
    const segment = fc.oneof(fc.stringMatching(/^[a-z0-9_~-]{1,6}$/), fc.stringMatching(/^:[a-z][a-z0-9_]{0,5}\??$/));
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
        // An optional parameter only stays one at the end of a path-to-regexp 0.1 path.
        const path = `/${segments.map((part, i) => (i < segments.length - 1 ? part.replace(/\?$/, '') : part)).join('/')}`;
        expect(template(express4, path)).toBe(path);
      }),
    );
  });
});
