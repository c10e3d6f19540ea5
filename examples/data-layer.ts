/**
 * A data layer and upstream calls, with no mapping code: TypeORM on SQLite (in memory)
 * and Node's fetch raise their own errors, and errorHandler() answers them.
 * `npm run example -- data-layer`, then try
 *   curl -i localhost:3000/users/42                                    # 404: findOneByOrFail()
 *   curl -i localhost:3000/users -H 'Content-Type: application/json' -d '{"email":"ada@example.com"}'  # 409: unique e-mail
 *   curl -i localhost:3000/users -H 'Content-Type: application/json' -d '{"email":"bob@example.com","age":-1}'  # 422: CHECK (age >= 0)
 *   curl -i localhost:3000/rates -H 'Accept-Language: ko'             # 502: the rates service refuses connections
 *   curl -i localhost:3000/weather                                     # 504: the weather service is too slow
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Express } from 'express';
import { DataSource, EntitySchema } from 'typeorm';
import { asyncHandler, errorHandler } from '../src';

interface User {
  id: number;
  email: string;
  age: number;
}

const Users = new EntitySchema<User>({
  name: 'user',
  columns: { id: { type: Number, primary: true, generated: true }, email: { type: String, unique: true }, age: { type: Number, default: 30 } },
  checks: [{ expression: '"age" >= 0' }],
});

/** Options of the example app. */
export interface DataLayerOptions {
  /** How long a call to the weather service may take, in ms. Default: 500. */
  readonly timeout?: number;
}

export async function createApp(options: DataLayerOptions = {}): Promise<Express> {
  const database = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Users], synchronize: true });
  await database.initialize();
  const users = database.getRepository(Users);
  await users.insert({ email: 'ada@example.com', age: 36 });
  const { rates, weather } = await partners();

  const app = express();
  app.use(express.json());
  app.get(
    '/users/:id',
    asyncHandler(async (req, res) => {
      res.json(await users.findOneByOrFail({ id: Number(req.params.id) }));
    }),
  );
  app.post(
    '/users',
    asyncHandler(async (req, res) => {
      const { email, age } = req.body as { email?: string; age?: number };
      const { identifiers } = await users.insert({ email: String(email), ...(age === undefined ? {} : { age }) });
      res.status(201).json(identifiers[0]);
    }),
  );
  app.get(
    '/rates',
    asyncHandler(async (_req, res) => {
      res.json(await (await fetch(`${rates}/eur`)).json());
    }),
  );
  app.get(
    '/weather',
    asyncHandler(async (_req, res) => {
      res.json(await (await fetch(`${weather}/seoul`, { signal: AbortSignal.timeout(options.timeout ?? 500) })).json());
    }),
  );
  app.use(errorHandler());
  return app;
}

// Stand-ins for two other services: the rates service is down (nothing listens on its
// port any more); the weather service answers, but only after ten seconds.
async function partners(): Promise<{ rates: string; weather: string }> {
  const down = http.createServer().listen(0, '127.0.0.1');
  await once(down, 'listening');
  const rates = `http://127.0.0.1:${(down.address() as AddressInfo).port}`;
  down.close();
  const slow = http.createServer((_req, res) => {
    const timer = setTimeout(() => res.end('{"sky":"clear"}'), 10_000).unref();
    res.on('close', () => clearTimeout(timer));
  });
  // The stand-in never keeps the process alive by itself.
  slow.on('connection', (socket) => socket.unref());
  slow.listen(0, '127.0.0.1').unref();
  await once(slow, 'listening');
  return { rates, weather: `http://127.0.0.1:${(slow.address() as AddressInfo).port}` };
}
