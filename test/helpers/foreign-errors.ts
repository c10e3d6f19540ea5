/**
 * Real errors from every source the interop readers know, and from the ones they must leave
 * alone: each raised by the installed package itself (a validation run, a query to a
 * loopback protocol server, a request to a refused port), or built with the package's own
 * error class where the error needs a database server to arise.
 */
import Boom from '@hapi/boom';
import { PrismaClientInitializationError, PrismaClientKnownRequestError, PrismaClientUnknownRequestError, PrismaClientValidationError } from '@prisma/client/runtime/client';
import axios from 'axios';
import express from 'express';
import type { Got } from 'got' with { 'resolution-mode': 'import' };
import createError from 'http-errors';
import { MongoClient, MongoNetworkError, MongoServerError } from 'mongodb';
import mongoose from 'mongoose';
import mysql from 'mysql2/promise';
import { Client } from 'pg';
import { DataTypes, EmptyResultError, Sequelize, TimeoutError } from 'sequelize';
import request from 'supertest';
import { DataSource, EntitySchema, QueryFailedError } from 'typeorm';
import { z } from 'zod';
import { NotFound } from '../../src';
import { DUPLICATE_ENTRY, mysqlWire, NO_REFERENCED_ROW, ROW_IS_REFERENCED } from './mysql-wire';
import type { MysqlErrorPacket } from './mysql-wire';
import { FOREIGN_KEY_VIOLATION, pgWire, QUERY_CANCELED, UNIQUE_VIOLATION } from './pg-wire';
import type { PgAnswer } from './pg-wire';
import { refusedPort, upstream } from './upstream';

// got ships only ES modules; jest loads it through test/helpers/esm-transform.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const got = (require('got') as { default: Got }).default;

/** One real error, the reader that must claim it (`none`: no reader may) and the status it answers. */
export interface ForeignSample {
  readonly reader: string;
  readonly label: string;
  readonly error: unknown;
  readonly status: number;
}

const PRISMA = '7.10.0';

/** What a thrower returns for a promise expected to reject: the rejection. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

// ---- Mongoose (validation and casting run without a connection).
const mongooseModels = new mongoose.Mongoose();
/** A Mongoose model with required, ranged, enum and nested paths; never connected. */
export const MongoUser = mongooseModels.model(
  'User',
  new mongooseModels.Schema({ email: { type: String, required: true, match: /@/ }, age: { type: Number, min: 18 }, address: { city: { type: String, enum: ['Seoul', 'Lyon'] } } }),
);

// ---- TypeORM on SQLite (better-sqlite3, in memory).
interface TeamRow {
  id: number;
  name: string;
}
interface UserRow {
  id: number;
  email: string;
  age: number;
  team: TeamRow | null;
}
const TeamEntity = new EntitySchema<TeamRow>({ name: 'team', columns: { id: { type: Number, primary: true, generated: true }, name: { type: String } } });
/** Users with a unique e-mail, an age that may not be negative, and an optional team. */
export const UserEntity = new EntitySchema<UserRow>({
  name: 'user',
  columns: { id: { type: Number, primary: true, generated: true }, email: { type: String, unique: true }, age: { type: Number, default: 30 } },
  checks: [{ expression: '"age" >= 0' }],
  relations: { team: { type: 'many-to-one', target: 'team', nullable: true } },
});

/** An initialised in-memory SQLite data source with one user, `ada@example.com`. */
export async function sqliteSource(): Promise<DataSource> {
  const source = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [TeamEntity, UserEntity], synchronize: true });
  await source.initialize();
  await source.getRepository(UserEntity).insert({ email: 'ada@example.com' });
  return source;
}

/** A Sequelize (PostgreSQL dialect) over `port`, with a `User` model; validation needs no server. */
export function sequelizeOn(port: number): { sequelize: Sequelize; User: ReturnType<Sequelize['define']> } {
  const sequelize = new Sequelize(`postgres://app:secret@127.0.0.1:${port}/shop`, { logging: false, pool: { max: 1 }, retry: { max: 0 } });
  const User = sequelize.define('User', {
    email: { type: DataTypes.STRING, allowNull: false, validate: { isEmail: true } },
    age: { type: DataTypes.INTEGER, validate: { min: 18 } },
    teamId: DataTypes.INTEGER,
  });
  return { sequelize, User };
}

/**
 * Answers a statement of the loopback PostgreSQL: an INSERT that sets a team (pg's
 * `team_id`, Sequelize's `"teamId"` in its column list) breaks a foreign key, any other a
 * unique e-mail; `pg_sleep` is cancelled; everything else has no rows.
 */
export function pgAnswer(sql: string): PgAnswer {
  if (/pg_sleep/.test(sql)) return { error: QUERY_CANCELED };
  if (/^INSERT/i.test(sql)) return { error: /team_id|\("id","email","teamId"/.test(sql) ? FOREIGN_KEY_VIOLATION : UNIQUE_VIOLATION };
  return { rows: [] };
}

/** Answers a query of the loopback MySQL. */
export function mysqlAnswer(sql: string): MysqlErrorPacket {
  if (/^DELETE/i.test(sql)) return ROW_IS_REFERENCED;
  return /orders/.test(sql) ? NO_REFERENCED_ROW : DUPLICATE_ENTRY;
}

/** Every sample, made once per suite (a few real servers and a second of timeouts). */
export async function foreignSamples(): Promise<ForeignSample[]> {
  const samples: ForeignSample[] = [];
  const add = (reader: string, label: string, error: unknown, status: number): void => {
    samples.push({ reader, label, error, status });
  };

  // Already supported: http-errors, body-parser, Boom, zod (a mapper, read by no reader), ours.
  add('none', 'http-errors 404', createError(404, 'No such user'), 404);
  add('bodyParser', 'body-parser entity.parse.failed', await bodyParserError(), 400);
  add('boom', 'Boom.notFound()', Boom.notFound('gone'), 404);
  add('none', 'ZodError', z.object({ email: z.email() }).safeParse({ email: 'x' }).error, 500);
  add('none', 'our NotFound', new NotFound(), 404);
  add('none', 'a plain Error', new Error('ECONNREFUSED 10.0.0.7'), 500);
  // NestJS is not installed: an exception in its style keeps its status behind getStatus().
  add('getStatus', 'NestJS-style exception', Object.assign(new Error('Cart is empty'), { getStatus: () => 409 }), 409);

  // Prisma: its own classes, as the client raises them.
  const known = (code: string, meta?: Record<string, unknown>): PrismaClientKnownRequestError => new PrismaClientKnownRequestError(`prisma ${code} on users_email_key`, { code, clientVersion: PRISMA, meta });
  add('prisma', 'P2002 with meta.target', known('P2002', { modelName: 'User', target: ['email'] }), 409);
  add('prisma', 'P2002 with a driver adapter', known('P2002', { modelName: 'User', driverAdapterError: { name: 'DriverAdapterError', cause: { originalCode: '23505', kind: 'UniqueConstraintViolation', constraint: { fields: ['"email"'] } } } }), 409);
  add('prisma', 'P2025', known('P2025', { modelName: 'User', cause: 'Record to update not found.' }), 404);
  add('prisma', 'P2001', known('P2001'), 404);
  add('prisma', 'P2003', known('P2003', { field_name: 'User_teamId_fkey (index)' }), 409);
  add('prisma', 'P2014', known('P2014'), 409);
  add('prisma', 'P2000', known('P2000', { column_name: 'name' }), 422);
  add('prisma', 'P2005', known('P2005', { field_name: 'age', field_value: 'ada@example.com' }), 422);
  add('prisma', 'P2006', known('P2006'), 422);
  add('prisma', 'P2007', known('P2007'), 422);
  for (const code of ['P1001', 'P1002', 'P1008', 'P1017', 'P2024']) add('prisma', code, known(code), 503);
  add('prisma', 'PrismaClientInitializationError', new PrismaClientInitializationError("Can't reach database server at `db.internal:5432`", PRISMA, 'P1001'), 503);
  add('none', 'PrismaClientValidationError', new PrismaClientValidationError('Argument `email` is missing.', { clientVersion: PRISMA }), 500);
  add('none', 'PrismaClientUnknownRequestError', new PrismaClientUnknownRequestError('db.internal said no', { clientVersion: PRISMA }), 500);
  add('none', 'Prisma P2010 (raw query failed)', known('P2010'), 500);

  // Mongoose: real validation and casting; the errors that need a server, from their classes.
  add('mongoose', 'ValidationError', await rejection(new MongoUser({ age: 'old', address: { city: 'Paris' } }).validate()), 422);
  add('mongoose', 'CastError (findById)', await rejection(MongoUser.findById('not-an-id').exec()), 400);
  // Mongoose's types declare no constructor; its runtime takes (filter, model, numAffected, result).
  const DocumentNotFoundError = mongoose.Error.DocumentNotFoundError as unknown as new (filter: unknown, model: string, numAffected: number, result: unknown) => Error;
  add('mongoose', 'DocumentNotFoundError', new DocumentNotFoundError({ _id: 7 }, 'User', 0, {}), 404);
  add('mongoose', 'VersionError', new mongoose.Error.VersionError(new MongoUser({ email: 'a@b.c' }), 3, ['email']), 409);
  add('mongoose', 'MongoServerError E11000', new MongoServerError({ message: 'E11000 duplicate key error collection: shop.users index: email_1 dup key: { email: "ada@example.com" }', code: 11000, keyPattern: { email: 1 }, keyValue: { email: 'ada@example.com' } }), 409);
  const refused = await refusedPort();
  add('mongoose', 'MongooseServerSelectionError', await rejection(mongoose.createConnection(`mongodb://127.0.0.1:${refused}/shop`, { serverSelectionTimeoutMS: 200 }).asPromise()), 503);
  add('mongoose', 'MongoServerError E11001', new MongoServerError({ message: 'E11001 duplicate key on update', code: 11001, keyPattern: { email: 1 }, keyValue: { email: 'ada@example.com' } }), 409);
  // The driver without mongoose: its own server selection against the refused port, and its network error class.
  add('mongoose', 'MongoServerSelectionError', await rejection(new MongoClient(`mongodb://127.0.0.1:${refused}/shop`, { serverSelectionTimeoutMS: 200 }).connect()), 503);
  add('mongoose', 'MongoNetworkError', new MongoNetworkError('connection 3 to 127.0.0.1:27017 closed'), 503);

  // pg, Sequelize over a loopback PostgreSQL; TypeORM on SQLite.
  const pgServer = await pgWire(pgAnswer);
  const client = new Client({ host: '127.0.0.1', port: pgServer.port, user: 'app', password: 'secret', database: 'shop' });
  await client.connect();
  const pgUnique = await rejection(client.query('INSERT INTO users (email) VALUES ($1)', ['ada@example.com']));
  add('pg', 'DatabaseError 23505', pgUnique, 409);
  add('pg', 'DatabaseError 23503', await rejection(client.query('INSERT INTO users (team_id) VALUES ($1)', [42])), 409);
  add('pg', 'DatabaseError 57014', await rejection(client.query('SELECT pg_sleep(60)')), 503);
  await client.end();
  add('connection', 'pg connection refused', await rejection(new Client({ host: '127.0.0.1', port: refused }).connect()), 503);
  const { sequelize, User } = sequelizeOn(pgServer.port);
  add('sequelize', 'ValidationError', await rejection(User.build({ email: 'nope', age: 3 }).validate()), 422);
  add('sequelize', 'UniqueConstraintError', await rejection(User.create({ email: 'ada@example.com' })), 409);
  add('sequelize', 'ForeignKeyConstraintError', await rejection(User.create({ email: 'bob@example.com', teamId: 42 })), 409);
  add('sequelize', 'EmptyResultError', await rejection(User.findOne({ where: { id: 7 }, rejectOnEmpty: true })), 404);
  add('sequelize', 'TimeoutError', new TimeoutError(Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY', sql: 'UPDATE users SET age = 1' })), 503);
  add('sequelize', 'EmptyResultError (class)', new EmptyResultError('no user 7'), 404);
  await sequelize.close();
  const refusedSequelize = sequelizeOn(refused);
  add('sequelize', 'ConnectionRefusedError', await rejection(refusedSequelize.User.findAll()), 503);
  await refusedSequelize.sequelize.close();
  await pgServer.close();

  const source = await sqliteSource();
  const users = source.getRepository(UserEntity);
  add('typeorm', 'EntityNotFoundError', await rejection(users.findOneByOrFail({ id: 42 })), 404);
  add('typeorm', 'QueryFailedError SQLITE_CONSTRAINT_UNIQUE', await rejection(users.insert({ email: 'ada@example.com' })), 409);
  add('typeorm', 'QueryFailedError SQLITE_CONSTRAINT_FOREIGNKEY', await rejection(users.insert({ email: 'bob@example.com', team: { id: 99 } as TeamRow })), 409);
  add('typeorm', 'QueryFailedError SQLITE_CONSTRAINT_CHECK', await rejection(users.insert({ email: 'eve@example.com', age: -1 })), 422);
  add('none', 'better-sqlite3 SqliteError (no TypeORM)', rawSqliteError(source), 500);
  add('typeorm', 'QueryFailedError over pg 23505', new QueryFailedError('INSERT INTO users (email) VALUES ($1)', ['ada@example.com'], pgUnique as Error), 409);
  await source.destroy();

  // mysql2 over a loopback MySQL.
  const mysqlServer = await mysqlWire(mysqlAnswer);
  const connection = await mysql.createConnection({ host: '127.0.0.1', port: mysqlServer.port, user: 'app', password: 'secret' });
  const duplicateEntry = await rejection(connection.query('INSERT INTO users (email) VALUES (?)', ['ada@example.com']));
  add('mysql2', 'ER_DUP_ENTRY 1062', duplicateEntry, 409);
  add('mysql2', 'ER_NO_REFERENCED_ROW_2 1452', await rejection(connection.query('INSERT INTO orders (user_id) VALUES (?)', [42])), 409);
  add('mysql2', 'ER_ROW_IS_REFERENCED_2 1451', await rejection(connection.query('DELETE FROM users WHERE id = ?', [1])), 409);
  connection.destroy();
  add('typeorm', 'QueryFailedError over mysql2 1062', new QueryFailedError('INSERT INTO users (email) VALUES (?)', ['ada@example.com'], duplicateEntry as Error), 409);
  add('connection', 'mysql2 connection refused', await rejection(mysql.createConnection({ host: '127.0.0.1', port: refused })), 503);
  await mysqlServer.close();

  // Upstream calls: fetch, axios and got against a loopback service and a refused port.
  const service = await upstream();
  add('fetch', 'fetch ECONNREFUSED', await rejection(fetch(`http://127.0.0.1:${refused}/rates`)), 502);
  add('fetch', 'fetch UND_ERR_SOCKET', await rejection(fetch(`${service.url}/hangup`)), 502);
  add('fetch', 'fetch AbortSignal.timeout()', await rejection(fetch(`${service.url}/slow`, { signal: AbortSignal.timeout(50) })), 504);
  add('axios', 'axios ECONNREFUSED', await rejection(axios.get(`http://127.0.0.1:${refused}/rates`)), 502);
  add('axios', 'axios timeout', await rejection(axios.get(`${service.url}/slow`, { timeout: 50 })), 504);
  add('axios', 'axios 503 with Retry-After', await rejection(axios.get(`${service.url}/busy`)), 503);
  add('axios', 'axios 404', await rejection(axios.get(`${service.url}/missing`)), 502);
  add('got', 'got ECONNREFUSED', await rejection(got(`http://127.0.0.1:${refused}/rates`, { retry: { limit: 0 } })), 502);
  add('got', 'got TimeoutError', await rejection(got(`${service.url}/slow`, { retry: { limit: 0 }, timeout: { request: 50 } })), 504);
  add('got', 'got HTTPError 429 with Retry-After', await rejection(got(`${service.url}/limited`, { retry: { limit: 0 } })), 503);
  add('got', 'got ParseError', await rejection(got(`${service.url}/plain`, { retry: { limit: 0 } }).json()), 502);
  add('got', 'got HTTPError 503 with a bad Retry-After', await rejection(got(`${service.url}/overloaded`, { retry: { limit: 0 } })), 502);
  await service.close();
  return samples;
}

// body-parser's own error for a malformed JSON body, caught by an error middleware.
async function bodyParserError(): Promise<unknown> {
  let caught: unknown;
  const app = express();
  app.post('/', express.json(), (_req, res) => {
    res.end();
  });
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    caught = error;
    res.status(400).end();
  });
  await request(app).post('/').set('Content-Type', 'application/json').send('{"a":');
  return caught;
}

// better-sqlite3's own error, without TypeORM around it: no reader is asked to read it.
function rawSqliteError(source: DataSource): unknown {
  const database = (source.driver as unknown as { databaseConnection: { prepare(sql: string): { run(...values: unknown[]): unknown } } }).databaseConnection;
  try {
    database.prepare('INSERT INTO "user" ("email") VALUES (?)').run('ada@example.com');
  } catch (error) {
    return error;
  }
  throw new Error('expected SQLite to refuse a duplicate');
}
