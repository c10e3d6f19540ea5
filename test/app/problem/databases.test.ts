import { PrismaClientInitializationError, PrismaClientKnownRequestError, PrismaClientValidationError } from '@prisma/client/runtime/client';
import express from 'express';
import type { Express, Request } from 'express';
import { MongoServerError } from 'mongodb';
import mongoose from 'mongoose';
import mysql from 'mysql2/promise';
import { Client } from 'pg';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { asyncHandler, CATALOGS, errorHandler, Gone } from '../../../src';
import type { ErrorHandlerOptions, ErrorLogEntry } from '../../../src';
import { MAX_FIELD_NAME_LENGTH } from '../../../src/problem/interop/database';
import { MongoUser, mysqlAnswer, pgAnswer, rejection, sequelizeOn, sqliteSource, UserEntity } from '../../helpers/foreign-errors';
import { mysqlWire } from '../../helpers/mysql-wire';
import type { MysqlWire } from '../../helpers/mysql-wire';
import { pgWire } from '../../helpers/pg-wire';
import type { PgWire } from '../../helpers/pg-wire';
import { refusedPort } from '../../helpers/upstream';

const en = CATALOGS.en;
const ko = CATALOGS.ko;
const PRISMA = '7.10.0';

// What the databases put in their errors; none of it may reach a response.
const LEAKS = [
  'ada@example.com',
  'users_email_key',
  'users_team_id_fkey',
  'orders_user_fk',
  'INSERT',
  'SELECT',
  'Duplicate entry',
  'duplicate key',
  'E11000',
  'db.internal',
  'secret',
  'shop',
  'Key (',
  'SQLITE',
  'prisma',
  'not-an-id',
];

/** An app whose `/run` (any method) awaits `run`: the data layer call that fails. */
function running(run: (req: Request) => Promise<unknown>, options: ErrorHandlerOptions = {}): Express {
  const app = express();
  app.use(express.json());
  app.all(
    '/run',
    asyncHandler(async (req, res) => {
      res.json(await run(req));
    }),
  );
  app.use(errorHandler({ log: false, ...options }));
  return app;
}

function known(code: string, meta?: Record<string, unknown>): PrismaClientKnownRequestError {
  return new PrismaClientKnownRequestError(`prisma ${code}: Unique constraint failed on users_email_key (ada@example.com)`, { code, clientVersion: PRISMA, meta });
}

function thrown(error: unknown): () => Promise<never> {
  return () => Promise.reject(error);
}

let pgServer: PgWire;
let mysqlServer: MysqlWire;
let sqlite: DataSource;
let refused: number;
const sequelizeApps: ReturnType<typeof sequelizeOn>[] = [];

beforeAll(async () => {
  [pgServer, mysqlServer, sqlite, refused] = await Promise.all([pgWire(pgAnswer), mysqlWire(mysqlAnswer), sqliteSource(), refusedPort()]);
});

afterAll(async () => {
  await Promise.all(sequelizeApps.map(({ sequelize }) => sequelize.close()));
  await Promise.all([pgServer.close(), mysqlServer.close(), sqlite.destroy()]);
});

function sequelizeModel(port: number): ReturnType<typeof sequelizeOn>['User'] {
  const made = sequelizeOn(port);
  sequelizeApps.push(made);
  return made.User;
}

async function pgQuery(sql: string, values: unknown[]): Promise<unknown> {
  const client = new Client({ host: '127.0.0.1', port: pgServer.port, user: 'app', password: 'secret', database: 'shop' });
  await client.connect();
  try {
    return await client.query(sql, values);
  } finally {
    await client.end();
  }
}

async function mysqlQuery(sql: string, values: unknown[]): Promise<unknown> {
  const connection = await mysql.createConnection({ host: '127.0.0.1', port: mysqlServer.port, user: 'app', password: 'secret' });
  try {
    return await connection.query(sql, values);
  } finally {
    connection.destroy();
  }
}

type Case = [label: string, run: () => Promise<unknown>, status: number, detail: string, errors?: readonly unknown[]];

const unique = en.phrases.dbUniqueViolation;
const relation = en.phrases.dbRelationConflict;
const invalid = en.phrases.dbInvalidValues;
const emailTaken = [{ pointer: '/email', detail: en.phrases.dbUniqueField }];

describe('interop: databases answer from their real errors', () => {
  it.each<Case>([
    // Prisma
    ['Prisma P2002 names the fields of meta.target', thrown(known('P2002', { modelName: 'User', target: ['email'] })), 409, unique, emailTaken],
    [
      'Prisma P2002 through a driver adapter names its constraint fields, unquoted',
      thrown(known('P2002', { modelName: 'User', driverAdapterError: { cause: { kind: 'UniqueConstraintViolation', constraint: { fields: ['"email"', 'tenantId'] } } } })),
      409,
      unique,
      [...emailTaken, { pointer: '/tenantId', detail: en.phrases.dbUniqueField }],
    ],
    ['Prisma P2002 whose target is an index name lists no field', thrown(known('P2002', { modelName: 'User', target: 'users_email_key' })), 409, unique],
    ['Prisma P2025 is a 404', thrown(known('P2025', { modelName: 'User', cause: 'Record to update not found.' })), 404, en.statuses[404].detail],
    ['Prisma P2001 is a 404', thrown(known('P2001')), 404, en.statuses[404].detail],
    ['Prisma P2003 is a 409', thrown(known('P2003', { field_name: 'users_team_id_fkey (index)' })), 409, relation],
    ['Prisma P2014 is a 409', thrown(known('P2014')), 409, relation],
    ['Prisma P2000 names the column that is too long', thrown(known('P2000', { column_name: 'name' })), 422, invalid, [{ pointer: '/name', detail: en.phrases.dbTooLong }]],
    ['Prisma P2005 names the field, never its value', thrown(known('P2005', { field_name: 'age', field_value: 'ada@example.com' })), 422, invalid, [{ pointer: '/age', detail: en.phrases.zodInvalid }]],
    ['Prisma P2007 is a 422', thrown(known('P2007', { database_error: 'db.internal: check failed' })), 422, invalid],
    ['Prisma PrismaClientValidationError stays a 500', thrown(new PrismaClientValidationError('Argument `email` is missing (prisma)', { clientVersion: PRISMA })), 500, en.statuses[500].detail],
    ['Prisma P2010 stays a 500', thrown(known('P2010')), 500, en.statuses[500].detail],
    // Mongoose and the MongoDB driver
    ['Mongoose CastError from findById names the path', () => MongoUser.findById('not-an-id').exec(), 400, 'The value given for "_id" is not of the expected type.'],
    ['Mongoose DocumentNotFoundError is a 404', thrown(Reflect.construct(mongoose.Error.DocumentNotFoundError, [{ _id: 7 }, 'User', 0, {}])), 404, en.statuses[404].detail],
    ['Mongoose VersionError is a 409', thrown(new mongoose.Error.VersionError(new MongoUser({ email: 'ada@example.com' }), 3, ['email'])), 409, en.phrases.dbVersionConflict],
    [
      'MongoDB E11000 names the fields of keyPattern, nested ones as a path',
      thrown(new MongoServerError({ message: 'E11000 duplicate key error collection: shop.users index: email_1_profile.handle_1 dup key: { email: "ada@example.com" }', code: 11000, keyPattern: { email: 1, 'profile.handle': 1 }, keyValue: { email: 'ada@example.com', 'profile.handle': 'ada' } })),
      409,
      unique,
      [...emailTaken, { pointer: '/profile/handle', detail: en.phrases.dbUniqueField }],
    ],
    // Sequelize over a loopback PostgreSQL
    [
      'Sequelize ValidationError lists each field with its validator',
      () => sequelizeModel(pgServer.port).build({ email: 'ada@', age: 3 }).validate(),
      422,
      invalid,
      [
        { pointer: '/email', detail: en.phrases.zodInvalid, kind: 'isEmail' },
        { pointer: '/age', detail: en.phrases.zodInvalid, kind: 'min' },
      ],
    ],
    ['Sequelize ValidationError says a missing value is required', () => sequelizeModel(pgServer.port).build({}).validate(), 422, invalid, [{ pointer: '/email', detail: en.phrases.dbRequired, kind: 'is_null' }]],
    ['Sequelize UniqueConstraintError names the field, never its value', () => sequelizeModel(pgServer.port).create({ email: 'ada@example.com' }), 409, unique, emailTaken],
    ['Sequelize ForeignKeyConstraintError is a 409', () => sequelizeModel(pgServer.port).create({ email: 'bob@example.com', teamId: 42 }), 409, relation],
    ['Sequelize EmptyResultError is a 404', () => sequelizeModel(pgServer.port).findOne({ where: { id: 7 }, rejectOnEmpty: true }), 404, en.statuses[404].detail],
    // TypeORM on SQLite
    ['TypeORM EntityNotFoundError is a 404', () => sqlite.getRepository(UserEntity).findOneByOrFail({ id: 42 }), 404, en.statuses[404].detail],
    ['TypeORM SQLITE_CONSTRAINT_UNIQUE is a 409', () => sqlite.getRepository(UserEntity).insert({ email: 'ada@example.com' }), 409, unique],
    ['TypeORM SQLITE_CONSTRAINT_FOREIGNKEY is a 409', () => sqlite.getRepository(UserEntity).insert({ email: 'bob@example.com', team: { id: 99, name: 'x' } }), 409, relation],
    ['TypeORM SQLITE_CONSTRAINT_CHECK is a 422', () => sqlite.getRepository(UserEntity).insert({ email: 'eve@example.com', age: -1 }), 422, invalid],
    // Raw drivers
    ['pg 23505 is a 409', () => pgQuery('INSERT INTO users (email) VALUES ($1)', ['ada@example.com']), 409, unique],
    ['pg 23503 is a 409', () => pgQuery('INSERT INTO users (team_id) VALUES ($1)', [42]), 409, relation],
    ['mysql2 1062 is a 409', () => mysqlQuery('INSERT INTO users (email) VALUES (?)', ['ada@example.com']), 409, unique],
    ['mysql2 1452 is a 409', () => mysqlQuery('INSERT INTO orders (user_id) VALUES (?)', [42]), 409, relation],
    ['mysql2 1451 is a 409', () => mysqlQuery('DELETE FROM users WHERE id = ?', [1]), 409, relation],
    // Spread: jest would take a fifth named parameter, missing from some rows, for `done`.
  ])('%s', async (...[, run, status, detail, errors]) => {
    const res = await request(running(run)).post('/run');
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ status, title: en.statuses[status as 404].title, detail });
    expect(res.body.errors).toEqual(errors);
    for (const leak of LEAKS) expect(res.text).not.toContain(leak);
  });

  it('answers a Mongoose ValidationError with one item per path: a JSON Pointer and the validator kind', async () => {
    const res = await request(running((req) => new MongoUser(req.body).validate())).post('/run').send({ age: 'old', address: { city: 'Paris' } });
    expect(res.status).toBe(422);
    expect(res.body.detail).toBe(invalid);
    expect(res.body.errors).toEqual([
      { pointer: '/age', detail: en.phrases.dbWrongType, kind: 'Number' },
      { pointer: '/email', detail: en.phrases.dbRequired, kind: 'required' },
      { pointer: '/address/city', detail: en.phrases.zodInvalid, kind: 'enum' },
    ]);
    expect(res.text).not.toMatch(/Paris|old|Cast to/);
  });

  it.each<[string, () => Promise<unknown>]>([
    ['Prisma P1001', thrown(known('P1001'))],
    ['Prisma P2024', thrown(known('P2024'))],
    ['PrismaClientInitializationError', thrown(new PrismaClientInitializationError("Can't reach database server at `db.internal:5432`", PRISMA, 'P1001'))],
    ['MongooseServerSelectionError', () => mongoose.createConnection(`mongodb://127.0.0.1:${refused}/shop`, { serverSelectionTimeoutMS: 200 }).asPromise()],
    ['Sequelize ConnectionRefusedError', () => sequelizeModel(refused).findAll()],
    ['pg 57014 (statement timeout)', () => pgQuery('SELECT pg_sleep(60)', [])],
    ['pg connection refused', () => new Client({ host: '127.0.0.1', port: refused, user: 'app', password: 'secret' }).connect()],
    ['mysql2 connection refused', () => mysql.createConnection({ host: '127.0.0.1', port: refused, user: 'app', password: 'secret' })],
  ])('answers %s with a 503 and Retry-After, in the client language', async (_label, run) => {
    const res = await request(running(run)).get('/run').set('Accept-Language', 'ko');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({ title: ko.statuses[503].title, detail: ko.statuses[503].detail });
    expect(res.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|db\.internal|pg_sleep|statement timeout/);
  });

  it('localises the detail and the items of a unique violation', async () => {
    const res = await request(running(() => sequelizeModel(pgServer.port).create({ email: 'ada@example.com' }))).post('/run').set('Accept-Language', 'ko');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ title: ko.statuses[409].title, detail: ko.phrases.dbUniqueViolation, errors: [{ pointer: '/email', detail: ko.phrases.dbUniqueField }] });
  });

  it(`leaves out field names longer than ${MAX_FIELD_NAME_LENGTH} characters or not shaped like a name`, async () => {
    const long = 'x'.repeat(MAX_FIELD_NAME_LENGTH + 1);
    const res = await request(running(thrown(known('P2002', { target: [long, '<script>', 'x'.repeat(MAX_FIELD_NAME_LENGTH), 42] })))).get('/run');
    expect(res.body.errors).toEqual([{ pointer: `/${'x'.repeat(MAX_FIELD_NAME_LENGTH)}`, detail: en.phrases.dbUniqueField }]);
  });

  it('logs the error as the driver raised it, with everything the response leaves out', async () => {
    const entries: ErrorLogEntry[] = [];
    let raised: unknown;
    const app = running(
      async () => {
        raised = await rejection(pgQuery('SELECT pg_sleep(60)', []));
        throw raised;
      },
      { log: (entry) => entries.push(entry) },
    );
    await request(app).get('/run');
    expect(entries).toEqual([expect.objectContaining({ level: 'error', status: 503, error: raised })]);
    expect(raised).toMatchObject({ code: '57014', message: 'canceling statement due to statement timeout' });
  });
});

describe('the interop option', () => {
  const p2025 = known('P2025', { modelName: 'User' });

  it('turns a reader off by name: its errors are read as any other error', async () => {
    const off = await request(running(thrown(p2025), { interop: { prisma: false } })).get('/run');
    const on = await request(running(thrown(p2025), { interop: { prisma: true } })).get('/run');
    expect(off.status).toBe(500);
    expect(on.status).toBe(404);
  });

  it('leaves the other readers on', async () => {
    const res = await request(running(() => sqlite.getRepository(UserEntity).findOneByOrFail({ id: 42 }), { interop: { prisma: false, pg: false } })).get('/run');
    expect(res.status).toBe(404);
  });

  it('still tries map first', async () => {
    const res = await request(running(thrown(p2025), { map: (error) => (error === p2025 ? new Gone({ cause: error }) : undefined) })).get('/run');
    expect(res.status).toBe(410);
  });

  it('reads the members of an aggregate through the readers left on', async () => {
    const error = new AggregateError([p2025, known('P2002', { target: ['email'] })]);
    const res = await request(running(thrown(error), { interop: { prisma: false } })).get('/run');
    expect(res.status).toBe(500);
    expect(res.body.errors.map((item: { status: number }) => item.status)).toEqual([500, 500]);
  });

  it.each<[string, unknown, RegExp]>([
    ['a name that is no reader', { prisma: false, prsima: false }, /interop names no reader "prsima"; the readers are bodyParser, boom, getStatus, expressJwt, .*prisma/],
    ['a value that is not a boolean', { prisma: 'off' }, /interop\.prisma must be true or false/],
    ['a value that is not an object', 'prisma', /interop must be an object/],
  ])('throws a TypeError when created with %s', (_label, interop, message) => {
    const create = (): unknown => errorHandler({ interop } as unknown as ErrorHandlerOptions);
    expect(create).toThrow(TypeError);
    expect(create).toThrow(message);
  });
});
