import express5 from 'express';
import type { RequestHandler } from 'express';
import fc from 'fast-check';
import { shapeOf } from '../../src/not-found/paths';
import { methodsOf, stackOf, summarize } from '../../src/not-found/walk';
import { mountRoutes } from '../helpers/routes';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const express4 = require('express4') as typeof express5;

const ok: RequestHandler = (_req, res) => {
  res.end();
};
const METHODS = ['get', 'post', 'put', 'delete'] as const;
const patternSegment = fc.constantFrom('a', 'b', 'users', 'x-1', ':id', ':name');
const pattern = fc.array(patternSegment, { minLength: 1, maxLength: 3 }).map((segments) => `/${segments.join('/')}`);
const route = fc.record({ method: fc.constantFrom(...METHODS), path: pattern, mount: fc.option(fc.constantFrom('/a', '/users/b'), { nil: undefined }) });
const pathSegment = fc.constantFrom('a', 'A', 'b', 'users', 'x-1', 'zz', '42', 'q.r', '%7A', '%E0%A4%A', '');
const requestPath = fc.array(pathSegment, { minLength: 1, maxLength: 5 }).map((segments) => `/${segments.join('/')}`);

describe.each([
  ['Express 4', express4],
  ['Express 5', express5],
])('route introspection on %s', (_name, express) => {
  it('gives every path of one shape the same methods', () => {
    fc.assert(
      fc.property(fc.array(route, { minLength: 1, maxLength: 8 }), fc.array(requestPath, { minLength: 2, maxLength: 12 }), (table, paths) => {
        const app = express();
        mountRoutes(express, app, table, ok);
        const stack = stackOf(app);
        if (stack === undefined) throw new Error('no stack');
        const { literals } = summarize(stack, undefined);
        expect(literals).toBeDefined();
        const byShape = new Map<string, string>();
        for (const path of paths) {
          const found = methodsOf(stack, path, undefined);
          const methods = `${String(found.opaque)} ${[...found.methods].sort().join(',')}`;
          const shape = shapeOf(path, literals);
          const seen = byShape.get(shape);
          if (seen === undefined) byShape.set(shape, methods);
          else expect(methods).toBe(seen);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('finds the methods of a route in a router mounted at a literal path', () => {
    const app = express();
    const router = express.Router();
    router.put('/:id', ok);
    app.use('/a', router);
    const stack = stackOf(app) ?? [];
    expect([...methodsOf(stack, '/a/7', undefined).methods]).toEqual(['PUT']);
    expect(methodsOf(stack, '/b/7', undefined).methods.size).toBe(0);
  });
});

describe('shapeOf', () => {
  it('keeps literal segments and empty ones, and folds the others', () => {
    expect(shapeOf('/Users/42/', new Set(['users']))).toBe('/Users/\0/');
  });

  it('keeps the whole path when the patterns are not all simple', () => {
    expect(shapeOf('/users/42', undefined)).toBe('/users/42');
  });
});
