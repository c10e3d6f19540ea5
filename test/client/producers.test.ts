/**
 * parseProblem() reads any RFC 9457 producer: bodies as ASP.NET Core, Spring, Zalando's
 * problem library and errorHandler() send them become the same typed errors with their items.
 */
import fc from 'fast-check';
import { BadRequest, NotFound, ServiceUnavailable, UnknownProblem, UnprocessableEntity, parseProblem } from '../../src/client';
import type { HttpError } from '../../src/client';

const json = { 'content-type': 'application/problem+json' };

describe('parseProblem(): the items of every producer', () => {
  it.each([
    [
      'ASP.NET Core ValidationProblemDetails',
      {
        type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
        title: 'One or more validation errors occurred.',
        status: 400,
        errors: { Email: ['The Email field is required.', 'The Email field is not a valid e-mail address.'], 'Address.City': ['The City field is required.'], '$.items[0].qty': ['The JSON value could not be converted.'] },
        traceId: '00-84c1fd4063c38d9f3900d06e56542d48-85d1d4-00',
      },
      [
        { pointer: '/Email', detail: 'The Email field is required.' },
        { pointer: '/Email', detail: 'The Email field is not a valid e-mail address.' },
        { pointer: '/Address/City', detail: 'The City field is required.' },
        { pointer: '/items/0/qty', detail: 'The JSON value could not be converted.' },
      ],
      { traceId: '00-84c1fd4063c38d9f3900d06e56542d48-85d1d4-00' },
    ],
    [
      'Spring errors: [{ field, message }]',
      { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Invalid request content.', instance: '/orders', errors: [{ field: 'email', message: 'must be a well-formed email address' }, { field: 'lines[2].qty', defaultMessage: 'must be greater than 0', code: 'Positive' }] },
      [
        { pointer: '/email', detail: 'must be a well-formed email address' },
        { pointer: '/lines/2/qty', detail: 'must be greater than 0', code: 'Positive' },
      ],
      undefined,
    ],
    [
      'Zalando problem violations',
      { type: 'https://zalando.github.io/problem/constraint-violation', title: 'Constraint Violation', status: 400, violations: [{ field: 'name', message: 'must not be blank' }, { field: 'a/b~c', message: 'odd' }] },
      [
        { pointer: '/name', detail: 'must not be blank' },
        { pointer: '/a~1b~0c', detail: 'odd' },
      ],
      undefined,
    ],
    [
      'ours',
      { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Check the fields.', errors: [{ pointer: '/email', detail: 'Not an email' }, { parameter: 'page', detail: 'Must be a number' }], requestId: 'r-1' },
      [
        { pointer: '/email', detail: 'Not an email' },
        { parameter: 'page', detail: 'Must be a number' },
      ],
      { requestId: 'r-1' },
    ],
  ])('reads %s into BadRequest items', (_producer, body, items, extensions) => {
    const error = parseProblem({ status: 400, headers: json, body });
    expect(error).toBeInstanceOf(BadRequest);
    expect(error.errors).toEqual(items);
    expect(error.extensions).toEqual(extensions);
    expect(error.title).toBe(body.title);
  });

  it('takes an ASP.NET message given as a single string, a bare string item, and drops items that say nothing', () => {
    const error = parseProblem({ status: 422, body: { title: 'Invalid', errors: { '': 'The whole body is wrong.', name: 'Required.', age: [3] } } });
    expect(error.errors).toEqual([{ detail: 'The whole body is wrong.' }, { pointer: '/name', detail: 'Required.' }]);
    const list = parseProblem({ status: 422, body: { title: 'Invalid', errors: ['Too short', { field: 'x' }, null, 7] } });
    expect(list.errors).toEqual([{ detail: 'Too short' }]);
  });

  it('never throws on hostile items', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.array(fc.anything()), fc.dictionary(fc.string(), fc.anything())), (errors) => {
        const error = parseProblem({ status: 400, body: { title: 'x', errors, violations: errors } });
        expect(error).toBeInstanceOf(Error);
        for (const item of error.errors ?? []) expect(typeof item.detail).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseProblem(): the standard members, tolerantly', () => {
  it('keeps title as title, and as the message when there is no detail', () => {
    const titled = parseProblem({ status: 404, body: { title: '찾을 수 없음', status: 404 } });
    expect(titled).toBeInstanceOf(NotFound);
    expect(titled).toMatchObject({ title: '찾을 수 없음', message: '찾을 수 없음', detail: undefined });
    const both = parseProblem({ status: 404, body: { title: '찾을 수 없음', detail: '사용자 42가 없습니다.' } });
    expect(both).toMatchObject({ title: '찾을 수 없음', message: '사용자 42가 없습니다.', detail: '사용자 42가 없습니다.' });
    // Without either, the English reason phrase, as for an error thrown here.
    const bare = parseProblem({ status: 404, body: { type: 'about:blank' } });
    expect([bare.title, bare.message]).toEqual([undefined, 'Not Found']);
  });

  it('gives about:blank as the type of a problem that names none, and of an empty body', () => {
    expect(parseProblem({ status: 404, body: { title: 'Not Found' } }).type).toBe('about:blank');
    expect(parseProblem({ status: 503, headers: { 'retry-after': '5' } }).type).toBe('about:blank');
    expect(parseProblem({ status: 404, body: { type: '/problems/missing' } }).type).toBe('/problems/missing');
  });

  it('accepts a numeric-string status in the body and in the input', () => {
    const error = parseProblem({ status: '400', body: { title: 'Bad', status: '400' } });
    expect(error).toBeInstanceOf(BadRequest);
    expect(error.status).toBe(400);
    expect(error.bodyStatus).toBeUndefined();
    expect(parseProblem({ status: 400, body: { title: 'Bad', status: 'four hundred' } })).toBeInstanceOf(UnknownProblem);
  });

  it('reports a body status different from the HTTP status, and the HTTP status wins', () => {
    const error = parseProblem({ status: 503, headers: { 'retry-after': '30' }, body: { title: 'Not Found', status: 404 } });
    expect(error).toBeInstanceOf(ServiceUnavailable);
    expect(error).toMatchObject({ status: 503, bodyStatus: 404, retryAfter: 30 });
    expect(parseProblem({ status: 503, body: { title: 'x', status: '503' } }).bodyStatus).toBeUndefined();
  });

  it('keeps unknown members as extensions, never the standard ones', () => {
    const error = parseProblem({ status: 422, body: { type: 'https://example.com/probs/out-of-credit', title: 'x', balance: 30, accounts: ['/a/1'], violations: [], errors: [] } });
    expect(error).toBeInstanceOf(UnprocessableEntity);
    expect(error.extensions).toEqual({ balance: 30, accounts: ['/a/1'] });
  });

  it('answers the same through a fetch Response', async () => {
    const response = new Response(JSON.stringify({ title: 'Bad', status: '400', errors: { Email: ['Required.'] } }), { status: 400, headers: json });
    const error: HttpError<number> = await parseProblem(response);
    expect(error).toBeInstanceOf(BadRequest);
    expect(error).toMatchObject({ title: 'Bad', message: 'Bad', type: 'about:blank', errors: [{ pointer: '/Email', detail: 'Required.' }] });
  });
});
