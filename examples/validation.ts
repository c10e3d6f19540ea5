/**
 * Validation with zod: a failed parse becomes a 422 Unprocessable Content whose `errors`
 * list names each invalid member with a JSON Pointer and says what is wrong, in the
 * client's language.
 *
 *   npm run example -- validation
 *   curl -i localhost:3000/signup -H 'Content-Type: application/json' \
 *        -d '{"email":"nope","password":"short","tags":[1]}' -H 'Accept-Language: ko'
 */
import express from 'express';
import type { Express } from 'express';
import { z } from 'zod';
import { errorHandler } from '../src';
import { mapZodError } from '../src/zod';

const Signup = z.object({
  email: z.email(),
  password: z.string().min(12),
  age: z.number().int().min(16).optional(),
  tags: z.array(z.string()).max(5).default([]),
});

export function createApp(): Express {
  const app = express();
  app.use(express.json());
  app.post('/signup', (req, res) => {
    // parse() throws a ZodError; mapZodError turns it into UnprocessableContent.
    const signup = Signup.parse(req.body);
    res.status(201).json({ email: signup.email });
  });
  app.use(errorHandler({ map: mapZodError }));
  return app;
}
