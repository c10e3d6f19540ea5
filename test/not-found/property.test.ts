import express5 from 'express';
import type { Express, RequestHandler } from 'express';
import fc from 'fast-check';
import request from 'supertest';
import { errorHandler, notFound } from '../../src';
import { mountRoutes } from '../helpers/routes';
import type { RouteSpec } from '../helpers/routes';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const express4 = require('express4') as typeof express5;

const METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const;
const ASKED = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;
type Method = (typeof METHODS)[number];

const answer: RequestHandler = (_req, res) => {
  res.set('X-Answered', 'yes').send('answered');
};

const segment = fc.constantFrom('a', 'b', 'users', ':id');
const pattern = fc.array(segment, { minLength: 1, maxLength: 3 }).map((segments) => `/${segments.join('/')}`);
const route = fc.record({ method: fc.constantFrom(...METHODS), path: pattern, mount: fc.option(fc.constantFrom('/a', '/users'), { nil: undefined }) });
// Middleware that serves one method on one path no route may show, at the root or at a path.
const dispatcher = fc.option(fc.record({ method: fc.constantFrom(...METHODS), path: pattern, mount: fc.constantFrom('/', '/a') }), { nil: undefined });
const path = fc.array(fc.constantFrom('a', 'b', 'users', '7'), { minLength: 1, maxLength: 3 }).map((segments) => `/${segments.join('/')}`);

function build(express: typeof express5, routes: readonly RouteSpec[], extra: { method: Method; path: string; mount: string } | undefined): Express {
  const unmatched = notFound();
  const app = express();
  app.use(unmatched.answerOptions);
  if (extra !== undefined) {
    app.use(extra.mount, (req, res, next) => {
      if (req.method === extra.method.toUpperCase() && req.originalUrl === extra.path) answer(req, res, next);
      else next();
    });
  }
  mountRoutes(express, app, routes, answer);
  app.use(unmatched);
  app.use(errorHandler({ log: false, strict: false }));
  return app;
}

/** The app mounted as a sub-app at `/s` of a parent with routes of its own there, and a notFound() of its own. */
function wrapped(express: typeof express5, inner: Express, outer: readonly { method: Method; path: string }[]): Express {
  const parent = express();
  for (const { method, path: at } of outer) parent[method](`/s${at}`, answer);
  parent.use('/s', inner);
  parent.use(notFound());
  parent.use(errorHandler({ log: false, strict: false }));
  return parent;
}

describe.each([
  ['Express 4', express4],
  ['Express 5', express5],
])('notFound() against what %s really dispatches', (_name, express) => {
  it('gives 405 and 204 only with an Allow that lists exactly the methods the app answers there, and 501 only for methods it answers nowhere, alone or as a sub-app', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(route, { minLength: 1, maxLength: 6 }),
        dispatcher,
        fc.uniqueArray(path, { minLength: 1, maxLength: 4 }),
        // The parent's routes reuse the paths of the sub-app's own, so that they meet.
        fc.option(fc.array(fc.record({ method: fc.constantFrom(...METHODS), pick: fc.nat() }), { minLength: 1, maxLength: 3 }), { nil: undefined }),
        async (routes, extra, paths, outer) => {
          const inner = build(express, routes, extra);
          const outerRoutes = outer?.map(({ method, pick }) => {
            const picked = routes[pick % routes.length] as (typeof routes)[number];
            return { method, path: `${picked.mount ?? ''}${picked.path}` };
          });
          const app = outerRoutes === undefined ? inner : wrapped(express, inner, outerRoutes);
          const prefix = outerRoutes === undefined ? '' : '/s';
          const answeredAnywhere = new Set<string>();
          const unimplemented = new Set<string>();
          for (const bare of paths) {
            const at = `${prefix}${bare}`;
            const answered = new Set<string>();
            let allow: string | undefined;
            for (const method of ASKED) {
              const res = await request(app)[method === 'HEAD' ? 'head' : (method.toLowerCase() as Method)](at);
              if (res.headers['x-answered'] === 'yes') {
                answered.add(method);
                answeredAnywhere.add(method);
                continue;
              }
              if (method === 'GET' || method === 'HEAD') expect(res.status).toBe(404);
              if (res.status === 405) {
                expect(allow === undefined || allow === res.headers.allow).toBe(true);
                allow = res.headers.allow as string;
              } else if (res.status === 501) {
                unimplemented.add(method);
              } else {
                expect(res.status).toBe(404);
              }
            }
            if (allow !== undefined) expect(allow.split(', ').filter((method) => method !== 'OPTIONS')).toEqual([...answered].sort());
            const options = await request(app).options(at);
            if (options.status === 204) {
              expect(String(options.headers.allow).split(', ').filter((method) => method !== 'OPTIONS')).toEqual([...answered].sort());
            } else if (answered.size === 0) {
              expect(options.status).toBe(404);
            }
          }
          for (const method of unimplemented) expect(answeredAnywhere.has(method)).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });
});
