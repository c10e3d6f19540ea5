/**
 * Error metrics with prom-client: errorHandler()'s onError counts every error response in
 * http_errors_total{status,route,method,error_type}, served at /metrics for Prometheus.
 * The route label is the route's pattern, never the URL, so the series stay few.
 * `npm run example -- metrics`, then
 *   curl -i localhost:3000/api/users/42 && curl localhost:3000/metrics
 */
import express from 'express';
import type { Express } from 'express';
import { Counter, Registry } from 'prom-client';
import { errorHandler, notFound, NotFound, ServiceUnavailable } from '../src';

export function createApp(registry = new Registry()): Express {
  const errors = new Counter({
    name: 'http_errors_total',
    help: 'Error responses sent, by status, route pattern, method and error type.',
    labelNames: ['status', 'route', 'method', 'error_type'] as const,
    registers: [registry],
  });

  const app = express();
  const users = express.Router();
  users.get('/:id', (req) => {
    throw new NotFound(`No user ${req.params.id}`);
  });
  app.use('/api/users', users);
  app.get('/report', () => {
    throw new ServiceUnavailable(120);
  });
  app.get('/metrics', (_req, res, next) => {
    registry.metrics().then((text) => res.set('Content-Type', registry.contentType).send(text), next);
  });

  app.use(notFound());
  app.use(
    errorHandler({
      // No route matched (notFound(), app-level middleware): an empty label, which Prometheus reads as none.
      onError: ({ status, route, method, errorType }) => {
        errors.inc({ status, route: route ?? '', method, error_type: errorType });
      },
    }),
  );
  return app;
}
