/**
 * The middleware a production API already runs, answered by errorHandler() with no glue:
 * helmet, cors, pino-http, express-rate-limit (through rateLimitHandler()), express-jwt,
 * multer and express-validator. `npm run example -- middleware`, then try
 *   curl -i localhost:3000/api/photos                                  # 401, WWW-Authenticate: Bearer realm="photos"
 *   TOKEN=$(curl -s -X POST localhost:3000/token | node -pe 'JSON.parse(fs.readFileSync(0)).token')
 *   curl -i localhost:3000/api/photos -H "Authorization: Bearer $TOKEN" -F title= -F photo=@README.md   # 422 or 415
 *   curl -i -X DELETE localhost:3000/api/photos -H "Authorization: Bearer $TOKEN"   # 405, Allow
 */
import cors from 'cors';
import express from 'express';
import type { Express } from 'express';
import { expressjwt } from 'express-jwt';
import { rateLimit } from 'express-rate-limit';
import { body, validationResult } from 'express-validator';
import helmet from 'helmet';
import jwt from 'jsonwebtoken';
import multer from 'multer';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import { errorHandler, notFound, rateLimitHandler, UnsupportedMediaType } from '../src';

// A demo secret: a real app reads its own from the environment.
const SECRET = process.env.JWT_SECRET ?? 'demo-secret-change-me-demo-secret-change-me';

export function createApp(): Express {
  const app = express();
  const unmatched = notFound();
  app.use(helmet());
  app.use(cors());
  app.use(pinoHttp({ logger: pino({ level: process.env.NODE_ENV === 'test' ? 'silent' : 'info' }) }));
  // A limited request becomes a localised 429 with Retry-After and the RateLimit headers.
  app.use(rateLimit({ windowMs: 60_000, limit: 100, standardHeaders: 'draft-8', legacyHeaders: false, handler: rateLimitHandler() }));
  app.use(express.json({ limit: '10kb' }));

  app.post('/token', (_req, res) => {
    res.json({ token: jwt.sign({ sub: 'demo' }, SECRET, { algorithm: 'HS256', expiresIn: '1h' }) });
  });

  const api = express.Router();
  // A missing or bad token is a 401 with the RFC 6750 challenge, completed by `challenge` below.
  api.use(expressjwt({ secret: SECRET, algorithms: ['HS256'] }));
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: 1024 * 1024, files: 1 },
    // An error of our own keeps its status: 415 here.
    fileFilter: (_req, file, accept) => (file.mimetype.startsWith('image/') ? accept(null, true) : accept(new UnsupportedMediaType('Only images can be uploaded.'))),
  });
  api.get('/photos', (_req, res) => {
    res.json([]);
  });
  // multer's limits answer 413, an unexpected file field 400; failed fields a 422 with one item each.
  api.post('/photos', upload.single('photo'), body('title').trim().isLength({ min: 1, max: 80 }).withMessage('A title of 1 to 80 characters.'), (req, res) => {
    validationResult(req).throw();
    res.status(201).json({ title: (req.body as { title: string }).title, bytes: req.file?.size ?? 0 });
  });
  api.delete('/photos/:id', (_req, res) => {
    res.status(204).end();
  });
  app.use('/api', api);

  app.use(unmatched);
  app.use(errorHandler({ challenge: { scheme: 'Bearer', realm: 'photos' } }));
  return app;
}
