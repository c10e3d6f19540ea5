import express from 'express';
import type { RequestHandler } from 'express';
import { body, checkExact, cookie, header, oneOf, param, query, validationResult } from 'express-validator';
import * as OpenApiValidator from 'express-openapi-validator';
import Joi from 'joi';
import request from 'supertest';
import { CATALOGS, defineMessages, errorHandler, message } from '../../../../src';
import { createLocalization } from '../../../../src/i18n/localize';


// celebrate ships ES modules only (jest.config.ts compiles them to CommonJS for jest).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { celebrate, Segments } = require('celebrate') as typeof import('celebrate', { with: { 'resolution-mode': 'import' } });

const en = CATALOGS.en.phrases;

describe('interop: express-validator', () => {
  const { message } = defineMessages({ en: { 'zip.invalid': 'Not a postal code.' }, ko: { 'zip.invalid': '우편번호가 아닙니다.' } });

  function app(chains: RequestHandler[], pass: 'throw' | 'next' = 'throw'): express.Express {
    const a = express();
    a.use(express.json());
    a.post('/orders/:id', ...chains, (req, res, next) => {
      if (pass === 'next') {
        const result = validationResult(req);
        if (!result.isEmpty()) return next(result);
      } else {
        validationResult(req).throw();
      }
      res.json({ ok: true });
    });
    a.use(errorHandler({ log: false, strict: 'throw', messages: { en: { 'zip.invalid': 'Not a postal code.' }, ko: { 'zip.invalid': '우편번호가 아닙니다.' } } }));
    return a;
  }
  const chains = (): RequestHandler[] => [
    body('address.zip').isPostalCode('US').withMessage(message('zip.invalid')),
    body('items[0].qty').isInt({ min: 1 }).withMessage('Order at least one.'),
    body('["odd.key"]').isString(),
    query('limit').isInt(),
    param('id').isUUID(),
    header('x-api-version').isIn(['1', '2']),
    cookie('session').notEmpty(),
  ];

  it.each(['throw', 'next'] as const)('answers with 422 and one item per failed field (Result %s)', async (pass) => {
    const res = await request(app(chains(), pass))
      .post('/orders/7?limit=many')
      .set('X-Api-Version', 'secret-value-3')
      .send({ address: { zip: 'secret-value-1' }, items: [{ qty: 0 }], 'odd.key': 5 });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { pointer: '/address/zip', detail: 'Not a postal code.' },
      { pointer: '/items/0/qty', detail: 'Order at least one.' },
      { pointer: '/odd.key', detail: en.zodInvalid },
      { parameter: 'limit', in: 'query', detail: en.zodInvalid },
      { parameter: 'id', in: 'path', detail: en.zodInvalid },
      { parameter: 'x-api-version', in: 'header', detail: en.zodInvalid },
      { parameter: 'session', in: 'cookie', detail: en.zodInvalid },
    ]);
    expect(res.text).not.toMatch(/secret-value|many|Invalid value/);
  });

  it('renders a message() given to withMessage() in the response language', async () => {
    const res = await request(app([body('address.zip').isPostalCode('US').withMessage(message('zip.invalid'))]))
      .post('/orders/7')
      .set('Accept-Language', 'ko')
      .send({ address: { zip: 'x' } });
    expect(res.body.errors).toEqual([{ pointer: '/address/zip', detail: '우편번호가 아닙니다.' }]);
    expect(res.body.detail).toBe(CATALOGS.ko.statuses[422].detail);
  });

  it('lists each unknown field of checkExact() and each failure of oneOf()', async () => {
    const res = await request(app([checkExact([body('name').isString()]), oneOf([body('email').isEmail(), body('phone').isMobilePhone('any')])]))
      .post('/orders/7')
      .send({ name: 'a', extra: 1, ['x'.repeat(300)]: 2 });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { pointer: '/extra', detail: en.zodUnrecognizedKey },
      { pointer: `/${'x'.repeat(126)}…`, detail: en.zodUnrecognizedKey },
      { pointer: '/email', detail: en.zodInvalid },
      { pointer: '/phone', detail: en.zodInvalid },
    ]);
  });
});

describe('interop: express-openapi-validator', () => {
  const apiSpec = {
    openapi: '3.0.3',
    info: { title: 'Pets', version: '1' },
    paths: {
      '/pets': {
        get: {
          parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', maximum: 50 } }],
          responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } } } } },
        },
        post: {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { type: 'object', required: ['name', 'email'], properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' } } } } },
          },
          responses: { 201: { description: 'created' } },
        },
      },
    },
  };

  function app(): express.Express {
    const a = express();
    a.use(express.json());
    a.use(OpenApiValidator.middleware({ apiSpec: apiSpec as never, validateRequests: true, validateResponses: true }));
    a.get('/pets', (_req, res) => {
      res.json({ secret: 'internal-value' });
    });
    a.post('/pets', (_req, res) => {
      res.status(201).end();
    });
    a.use(errorHandler({ log: false }));
    return a;
  }

  it('answers a body that breaks the schema with 400 and one item per error, each with a pointer', async () => {
    const missing = await request(app()).post('/pets').send({ email: 'a@example.com' });
    const res = await request(app()).post('/pets').send({ name: 'Rex', email: 'secret-not-an-email' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ pointer: '/name', detail: 'This value is required.' }]);
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe(CATALOGS.en.statuses[400].detail);
    expect(res.body.errors).toEqual([{ pointer: '/email', detail: 'Must be a valid email address.' }]);
    expect(res.text).not.toContain('secret-not-an-email');
  });

  it('names a query parameter by its name and place', async () => {
    const res = await request(app()).get('/pets?limit=500');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ parameter: 'limit', in: 'query', detail: 'Must be at most 50.' }]);
  });

  describe('each of ajv\'s keywords, in the client\'s language', () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: {
        name: { type: 'string', minLength: 3, maxLength: 5 },
        age: { type: 'integer', minimum: 0, maximum: 150, exclusiveMaximum: true },
        tags: { type: 'array', minItems: 1, maxItems: 2, items: { type: 'string' } },
        step: { type: 'number', multipleOf: 5 },
        code: { type: 'string', pattern: '^[A-Z]+$' },
        role: { type: 'string', enum: ['admin', 'user'] },
        when: { type: 'string', format: 'date-time' },
        site: { type: 'string', format: 'uri' },
      },
    };
    const keywords = {
      openapi: '3.0.3',
      info: { title: 'Keywords', version: '1' },
      paths: { '/it': { post: { requestBody: { required: true, content: { 'application/json': { schema } } }, responses: { 200: { description: 'ok' } } } } },
    };
    const ko = createLocalization().select({ headers: { 'accept-language': 'ko' } } as never);
    const keywordApp = express();
    keywordApp.use(express.json());
    keywordApp.use(OpenApiValidator.middleware({ apiSpec: keywords as never }));
    keywordApp.post('/it', (_req, res) => {
      res.end();
    });
    keywordApp.use(errorHandler({ log: false }));

    it.each<[string, Record<string, unknown>, string, string, ReturnType<typeof message>]>([
      ['type', { name: 5 }, '/name', 'Must be a string.', message('zodInvalidType', { expected: 'string' })],
      ['type integer', { age: 1.5 }, '/age', 'Must be an integer.', message('zodInvalidType', { expected: 'int' })],
      ['minLength', { name: 'ab' }, '/name', 'Must be at least 3 characters long.', message('zodTooShort', { minimum: 3 })],
      ['maxLength', { name: 'abcdef' }, '/name', 'Must be at most 5 characters long.', message('zodTooLong', { maximum: 5 })],
      ['minimum', { age: -1 }, '/age', 'Must be at least 0.', message('zodTooSmall', { minimum: 0 })],
      ['an exclusive maximum', { age: 150 }, '/age', 'Must be less than 150.', message('zodTooBigExclusive', { maximum: 150 })],
      ['minItems', { tags: [] }, '/tags', 'Must contain at least 1 item.', message('zodTooFewItems', { minimum: 1 })],
      ['maxItems', { tags: ['a', 'b', 'c'] }, '/tags', 'Must contain at most 2 items.', message('zodTooManyItems', { maximum: 2 })],
      ['multipleOf', { step: 7 }, '/step', 'Must be a multiple of 5.', message('zodNotMultipleOf', { divisor: 5 })],
      ['pattern', { code: 'abc' }, '/code', 'Does not have the expected format.', message('zodInvalidFormat', { format: 'other', name: '' })],
      ['enum', { role: 'root' }, '/role', 'This value is not valid.', message('zodInvalid')],
      ['a date-time format', { when: 'soon' }, '/when', 'Must be a date and time in ISO 8601 format.', message('zodInvalidFormat', { format: 'datetime', name: '' })],
      ['additionalProperties', { extra: 1 }, '/extra', 'This field is not allowed here.', message('zodUnrecognizedKey')],
    ])('words %s as our own phrase', async (_keyword, body, pointer, english, phrase) => {
      const res = await request(keywordApp).post('/it').send(body);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ pointer, detail: english }]);
      const korean = await request(keywordApp).post('/it').set('Accept-Language', 'ko').send(body);
      expect(korean.body.errors).toEqual([{ pointer, detail: ko.resolve(phrase) }]);
      expect(korean.body.errors[0].detail).not.toBe(english);
    });

    it('keeps the validator\'s own message for a keyword it has no phrase for', async () => {
      const res = await request(keywordApp).post('/it').send({});
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ pointer: '', detail: 'must NOT have fewer than 1 properties' }]);
    });
  });

  it('answers a method the description lacks with 405 and its Allow', async () => {
    const res = await request(app()).delete('/pets');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST, GET');
    expect(res.body.detail).toBe(CATALOGS.en.statuses[405].detail);
  });

  it('keeps a response that breaks the description a masked 500', async () => {
    const res = await request(app()).get('/pets');
    expect(res.status).toBe(500);
    expect(res.body.errors).toBeUndefined();
    expect(res.text).not.toMatch(/internal-value|required property/);
  });
});

describe('interop: celebrate and joi', () => {
  function app(middleware: RequestHandler): express.Express {
    const a = express();
    a.use(express.json());
    a.post('/users/:id', middleware, (_req, res) => {
      res.json({ ok: true });
    });
    a.use(errorHandler({ log: false, strict: 'throw' }));
    return a;
  }

  it('answers a body that fails with 422 and one localised item per detail, never the value', async () => {
    const check = celebrate(
      { [Segments.BODY]: Joi.object({ name: Joi.string().min(3).required(), age: Joi.number().max(130), email: Joi.string().email(), role: Joi.string().valid('admin', 'user'), tags: Joi.array().items(Joi.string().pattern(/^[a-z]+$/)) }) },
      { abortEarly: false },
    );
    const res = await request(app(check))
      .post('/users/1')
      .set('Accept-Language', 'fr')
      .send({ name: 'ab', age: 200, email: 'secret-mail', role: 'root', tags: ['secret-TAG'], extra: 1 });
    const fr = CATALOGS.fr.phrases;
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { pointer: '/name', detail: 'Doit comporter au moins 3 caractères.' },
      { pointer: '/age', detail: 'La valeur doit être inférieure ou égale à 130.' },
      { pointer: '/email', detail: 'Doit être une adresse e-mail valide.' },
      { pointer: '/role', detail: 'Doit être l’une des valeurs suivantes\u202f: "admin", "user".' },
      { pointer: '/tags/0', detail: fr.zodInvalid },
      { pointer: '/extra', detail: fr.zodUnrecognizedKey },
    ]);
    expect(res.text).not.toMatch(/secret|root/);
  });

  it.each([
    ['query', { [Segments.QUERY]: Joi.object({ page: Joi.number().required() }) }, { parameter: 'page', in: 'query', detail: en.validatorRequired }],
    ['params', { [Segments.PARAMS]: Joi.object({ id: Joi.string().guid() }) }, { parameter: 'id', in: 'path', detail: 'Must be a valid UUID.' }],
    ['headers', { [Segments.HEADERS]: Joi.object({ 'x-tenant': Joi.string().required() }).unknown() }, { parameter: 'x-tenant', in: 'header', detail: en.validatorRequired }],
  ])('answers %s that fail with 400', async (_segment, schema, item) => {
    const res = await request(app(celebrate(schema))).post('/users/1').send({});
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([item]);
  });

  it("answers joi's own ValidationError with 422", async () => {
    const schema = Joi.object({ email: Joi.string().email().required() });
    const res = await request(
      app((req, _res, next) => {
        schema.validateAsync(req.body).then(() => next(), next);
      }),
    )
      .post('/users/1')
      .send({ email: 5 });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ pointer: '/email', detail: 'Must be a string.' }]);
  });
});
