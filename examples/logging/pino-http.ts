/**
 * pino-http and errorHandler(): one line per request, and for a failed request that line
 * carries the error itself (stack, causes), the status and the request id.
 */
import { randomUUID } from 'node:crypto';
import express from 'express';
import type { Express } from 'express';
import type { DestinationStream } from 'pino';
import { pinoHttp } from 'pino-http';
import { errorHandler, NotFound, ServiceUnavailable } from '../../src';

export function createApp(destination?: DestinationStream): Express {
  const app = express();
  app.use(
    pinoHttp(
      {
        // Random ids, which errorHandler() may send as `traceId`: never pino-http's counter.
        genReqId: (_req, res) => {
          const id = randomUUID();
          res.setHeader('X-Request-Id', id);
          return id;
        },
        // pino-http logs every line at `info` unless told otherwise.
        customLogLevel: (_req, res, err) => (res.statusCode >= 500 || err ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      },
      destination,
    ),
  );
  app.get('/users/:id', (req) => {
    throw new NotFound(`No user ${req.params.id}`);
  });
  app.get('/report', () => {
    throw new ServiceUnavailable(120, { cause: new Error('replica lag') });
  });
  app.use(errorHandler());
  return app;
}
