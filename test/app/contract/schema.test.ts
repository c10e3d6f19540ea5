import request from 'supertest';
import { LOCALES, NotFound, PaymentRequired, problemJsonSchema, UnprocessableEntity } from '../../../src';
import { ERROR_STATUSES } from '../../../src/core/status';
import { compile, createAjv } from '../../helpers/ajv';
import { throwing } from '../../helpers/app';
import { construct } from '../../helpers/errors';

const BASE = 'https://example.com/problems';
const generic = compile(problemJsonSchema());
const cases = ERROR_STATUSES.flatMap((status) => LOCALES.map((locale) => [status, locale] as const));

describe('problemJsonSchema(): every body the handler sends validates', () => {
  const ajv = createAjv();
  const perStatus = new Map(ERROR_STATUSES.map((status) => [status, compile(problemJsonSchema({ status }), ajv)]));
  const withBase = new Map(ERROR_STATUSES.map((status) => [status, compile(problemJsonSchema({ status, typeBaseUri: BASE }), ajv)]));

  it.each(cases)('%i in %s validates against the generic and the per-status schema', async (status, locale) => {
    const res = await request(throwing(construct(status))).get('/boom').set('Accept-Language', locale);
    expect(generic(res.body)).toBe(true);
    expect(perStatus.get(status)?.(res.body)).toBe(true);
  });

  it.each(cases)('%i in %s with typeBaseUri validates against the schema with the same base', async (status, locale) => {
    const res = await request(throwing(construct(status), { typeBaseUri: BASE })).get('/boom').set('Accept-Language', locale);
    const validate = withBase.get(status);
    expect(validate?.(res.body)).toBe(true);
  });

  it('validates a body with errors items, extensions and debug members', async () => {
    const error = new UnprocessableEntity({ errors: [{ pointer: '/email', detail: 'must be an email' }, { detail: 'one more' }], extensions: { requestId: 'r-1' } });
    const res = await request(throwing(error, { debug: true })).post('/boom');
    expect(res.body.errors).toHaveLength(2);
    expect(res.body.stack).toEqual(expect.any(Array));
    expect(generic(res.body)).toBe(true);
    expect(compile(problemJsonSchema({ status: 422 }))(res.body)).toBe(true);
  });
});

describe('problemJsonSchema(): what it rejects', () => {
  const body = { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No user 42', instance: '/users/42' };

  it('is a 2020-12 schema', () => {
    expect(problemJsonSchema().$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('rejects a body of another status against a per-status schema', () => {
    const validate = compile(problemJsonSchema({ status: 503 }));
    expect(validate(body)).toBe(false);
    expect(validate({ ...body, status: 503 })).toBe(true);
  });

  it('rejects a body without a required member or with a mistyped one', () => {
    const { detail: _detail, ...withoutDetail } = body;
    expect(generic(withoutDetail)).toBe(false);
    expect(generic({ ...body, status: '404' })).toBe(false);
    expect(generic({ ...body, status: 200 })).toBe(false);
    expect(generic({ ...body, type: 'not a uri' })).toBe(false);
  });

  it('rejects an errors item without detail or with a pointer that is not a JSON Pointer', () => {
    expect(generic({ ...body, errors: [{ pointer: '/email' }] })).toBe(false);
    expect(generic({ ...body, errors: [{ pointer: 'email', detail: 'x' }] })).toBe(false);
    expect(generic({ ...body, errors: [{ pointer: '/email', detail: 'x', code: 'E1' }] })).toBe(true);
  });

  it('accepts any URI as type until the app declares its types', () => {
    expect(generic({ ...body, type: 'https://example.com/anything' })).toBe(true);
    const declared = compile(problemJsonSchema({ status: 404, typeBaseUri: `${BASE}/` }));
    expect(declared({ ...body, type: `${BASE}/not-found` })).toBe(true);
    expect(declared({ ...body, type: 'https://example.com/anything' })).toBe(false);
  });

  it('refuses a status outside 400..599, a typeBaseUri that is not absolute and a type that is not a URI', () => {
    expect(() => problemJsonSchema({ status: 302 })).toThrow(TypeError);
    expect(() => problemJsonSchema({ typeBaseUri: '/problems' })).toThrow(TypeError);
    expect(() => problemJsonSchema({ types: [{ type: 'a b', status: 402 }] })).toThrow(TypeError);
  });
});

describe('problemJsonSchema(): the app problem types', () => {
  const OUT_OF_CREDIT = 'https://example.com/probs/out-of-credit';
  class OutOfCredit extends PaymentRequired {
    constructor(balance: number) {
      super({ type: OUT_OF_CREDIT, detail: `Your balance is ${balance}`, extensions: { balance } });
    }
  }
  const types = [{ type: OUT_OF_CREDIT, status: 402 as const, description: 'Not enough credit', extensions: { balance: { type: 'number' } } }];

  it('accepts the body of an app subclass with its custom type and extension', async () => {
    const res = await request(throwing(new OutOfCredit(30), { typeBaseUri: BASE })).get('/boom');
    expect(res.body).toMatchObject({ type: OUT_OF_CREDIT, status: 402, balance: 30 });
    expect(compile(problemJsonSchema({ status: 402, typeBaseUri: BASE, types }))(res.body)).toBe(true);
    expect(compile(problemJsonSchema({ typeBaseUri: BASE, types }))(res.body)).toBe(true);
  });

  it('lists the custom type next to the default one of its status only', () => {
    const schema = problemJsonSchema({ status: 402, typeBaseUri: BASE, types }) as { properties: { type: { enum: string[] } } };
    expect(schema.properties.type.enum).toEqual([`${BASE}/payment-required`, OUT_OF_CREDIT]);
    const other = problemJsonSchema({ status: 404, types }) as { properties: { type: { enum: string[] } } };
    expect(other.properties.type.enum).toEqual(['about:blank']);
  });

  it('checks the extension members of a custom type', () => {
    const validate = compile(problemJsonSchema({ status: 402, types }));
    const body = { type: OUT_OF_CREDIT, title: 'Payment Required', status: 402, detail: 'x' };
    expect(validate({ ...body, balance: 30 })).toBe(true);
    expect(validate({ ...body, balance: 'thirty' })).toBe(false);
    expect(validate({ ...body, type: 'about:blank', balance: 'thirty' })).toBe(true);
  });

  it('rejects an undeclared type once types are declared', async () => {
    const res = await request(throwing(new NotFound({ type: 'https://example.com/probs/unknown' }))).get('/boom');
    expect(compile(problemJsonSchema({ status: 404, types }))(res.body)).toBe(false);
  });
});
