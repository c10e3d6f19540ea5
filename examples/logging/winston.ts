/**
 * winston and errorHandler(): each 5xx is one JSON line with the error's name, message,
 * stack and cause chain as plain data, which winston's JSON format keeps.
 */
import express from 'express';
import type { Express } from 'express';
import winston from 'winston';
import { errorHandler, ServiceUnavailable } from '../../src';

export function createApp(transport: winston.transport = new winston.transports.Console()): Express {
  const logger = winston.createLogger({ format: winston.format.json(), transports: [transport] });
  const app = express();
  app.get('/report', () => {
    throw new ServiceUnavailable(120, { cause: new Error('replica lag') });
  });
  app.use(errorHandler({ log: logger }));
  return app;
}
