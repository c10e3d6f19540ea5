/**
 * An API that publishes its error contract: `npm run example -- openapi`, then
 *   curl localhost:3000/openapi.json
 *   curl -i localhost:3000/report -H 'Accept-Language: ko'
 */
import express from 'express';
import type { Express } from 'express';
import { errorHandler, mergeOpenApi, NotFound, openApiErrorResponses, ServiceUnavailable } from '../src';

const typeBaseUri = 'https://example.com/problems';

/** The app's own document, written by hand, that refers to our error responses. */
const ownDocument = {
  openapi: '3.1.0',
  info: { title: 'Reports API', version: '1.0.0' },
  paths: {
    '/report': {
      get: {
        responses: {
          '200': { description: 'The report' },
          '503': { $ref: '#/components/responses/ServiceUnavailable' },
        },
      },
    },
    '/users/{id}': {
      get: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'The user' },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
  },
};

export function createApp(): Express {
  // Built once at start-up, served as is.
  const document = mergeOpenApi(ownDocument, openApiErrorResponses({ statuses: [404, 503], locales: ['en', 'ko'], typeBaseUri }));
  const app = express();

  app.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  app.get('/report', () => {
    throw new ServiceUnavailable(120);
  });
  app.get('/users/:id', (req) => {
    throw new NotFound(`No user ${req.params.id}`);
  });

  // The same typeBaseUri as the document: `type` is https://example.com/problems/<slug>.
  app.use(errorHandler({ typeBaseUri }));
  return app;
}
