import express5 from 'express';
import type { RequestHandler } from 'express';
import { routeFor, routesOf, stackOf } from '../../src/not-found/walk';
import type { Stack } from '../../src/not-found/layer';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const express4 = require('express4') as typeof express5;

const named = (name: string): RequestHandler => Object.defineProperty((_req, _res, next) => next(), 'name', { value: name });
const ok: RequestHandler = (_req, res) => {
  res.end();
};

describe.each([
  ['Express 4', express4],
  ['Express 5', express5],
])('reading routes on %s', (_name, express) => {
  function app(): { stack: Stack; layers: Record<string, RequestHandler> } {
    const root = named('root');
    const atApi = named('atApi');
    const inRouter = named('inRouter');
    const elsewhere = named('elsewhere');
    const application = express();
    application.use(root);
    application.use('/api', atApi);
    application.use('/other', elsewhere);
    const router = express.Router();
    router.use(inRouter);
    router.get('/users/:id', ok);
    application.use('/api/v1', router);
    application.post('/plain', ok);
    return { stack: stackOf(application) ?? [], layers: { root, atApi, inRouter, elsewhere } };
  }

  it('gives every route its joined mount and the middleware that a request for it meets', () => {
    const { stack, layers } = app();
    const routes = routesOf(stack);
    const summary = routes.map((reading) => [reading.mount, reading.route.path, reading.before.map((layer) => layer.handle)]);
    expect(summary).toEqual([
      ['/api/v1', '/users/:id', [layers.root, layers.atApi, layers.inRouter]],
      ['', '/plain', [layers.root]],
    ]);
  });

  it('finds the route a method and path are dispatched to, GET for HEAD, and none for another method', () => {
    const { stack, layers } = app();
    const found = routeFor(stack, '/api/v1/users/7', 'HEAD');
    expect([found?.route.path, found?.before.map((layer) => layer.handle)]).toEqual(['/users/:id', [layers.root, layers.atApi, layers.inRouter]]);
    expect(routeFor(stack, '/api/v1/users/7', 'POST')).toBeUndefined();
    expect(routeFor(stack, '/nowhere', 'GET')).toBeUndefined();
  });
});
