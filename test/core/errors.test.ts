import createError from 'http-errors';
import { ClientError, ContentTooLarge, createHttpError, HttpError, isHttpError, MethodNotAllowed, NotFound, PayloadTooLarge, RangeNotSatisfiable, ServerError, ServiceUnavailable, Unauthorized, UnprocessableContent, UnprocessableEntity, UpgradeRequired } from '../../src';
import { ERROR_STATUSES, STATUSES } from '../../src/core/status';
import { classOf, construct, REQUIRED_ARGUMENT } from '../helpers/errors';

describe('error classes', () => {
  it('covers every registered 4xx and 5xx code from the issue list', () => {
    const expected = [
      ...Array.from({ length: 19 }, (_, i) => 400 + i),
      421, 422, 423, 424, 425, 426, 428, 429, 431, 451,
      500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
    ];
    expect(ERROR_STATUSES).toEqual(expected);
  });

  it.each(ERROR_STATUSES.map((status) => [status, STATUSES[status].className] as const))('%i is the named class %s', (status, className) => {
    const Class = classOf(status);
    const error = construct(status);
    expect(Class.name).toBe(className);
    expect(error.name).toBe(className);
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toBeInstanceOf(status < 500 ? ClientError : ServerError);
    expect(error).not.toBeInstanceOf(status < 500 ? ServerError : ClientError);
    expect(error).toBeInstanceOf(Error);
    expect(error.status).toBe(status);
    expect(error.statusCode).toBe(status);
    expect(error.expose).toBe(status < 500);
    expect((Class as unknown as { status: number }).status).toBe(status);
    expect(error.stack?.split('\n')[0]).toMatch(new RegExp(`^${className}: `));
  });

  it.each(ERROR_STATUSES)('%i is recognised by http-errors and by isHttpError', (status) => {
    const error = construct(status);
    expect(createError.isHttpError(error)).toBe(true);
    expect(isHttpError(error)).toBe(true);
  });

  it.each(ERROR_STATUSES)('createHttpError(%i) returns the class of that status', (status) => {
    const error = (createHttpError as (s: number, ...a: unknown[]) => HttpError<number>)(status, REQUIRED_ARGUMENT[status]);
    expect(error).toBeInstanceOf(classOf(status));
  });

  it('types createHttpError by its literal status', () => {
    const error = createHttpError(503, 120);
    const status: 503 = error.status;
    expect(status).toBe(503);
    expect(error.retryAfter).toBe(120);
    expect(error).toBeInstanceOf(ServiceUnavailable);
    // @ts-expect-error 405 needs the allowed methods
    expect(() => createHttpError(405)).not.toThrow();
  });

  it('gives a missing required header value as a type error', () => {
    // @ts-expect-error Allow is required by RFC 9110
    expect(new MethodNotAllowed().headers.Allow).toBeUndefined();
    // @ts-expect-error Upgrade is required by RFC 9110
    expect(new UpgradeRequired().headers.Upgrade).toBeUndefined();
    // @ts-expect-error WWW-Authenticate is required by RFC 9110
    expect(new Unauthorized().headers['WWW-Authenticate']).toBeUndefined();
  });

  it('keeps the status as a literal type', () => {
    const notFound: 404 = new NotFound().status;
    const unavailable: 503 = new ServiceUnavailable().statusCode;
    expect([notFound, unavailable]).toEqual([404, 503]);
  });

  it('reaches RFC 9110 names through the same classes', () => {
    expect(ContentTooLarge).toBe(PayloadTooLarge);
    expect(UnprocessableContent).toBe(UnprocessableEntity);
    expect(new ContentTooLarge()).toBeInstanceOf(PayloadTooLarge);
    expect(new UnprocessableContent().status).toBe(422);
  });

  it('takes a detail, an options object, or both', () => {
    const cause = new Error('db down');
    const a = new NotFound('No user 42');
    const b = new NotFound({ detail: 'No user 42', cause });
    const c = new NotFound('No user 42', { cause, extensions: { userId: 42 }, type: 'https://e.example/no-user', instance: '/u/42' });
    expect([a.detail, b.detail, c.detail]).toEqual(['No user 42', 'No user 42', 'No user 42']);
    expect(a.message).toBe('No user 42');
    expect(b.cause).toBe(cause);
    expect(c.cause).toBe(cause);
    expect(c.extensions).toEqual({ userId: 42 });
    expect(c.type).toBe('https://e.example/no-user');
    expect(c.instance).toBe('/u/42');
    expect('cause' in a).toBe(false);
  });

  it('defaults the message to the English title', () => {
    expect(new NotFound().message).toBe('Not Found');
    expect(new PayloadTooLarge().message).toBe('Content Too Large');
  });

  it('lets options override expose and add headers', () => {
    const error = new ServiceUnavailable(30, { expose: true, detail: 'Maintenance', headers: { 'X-Reason': 'maintenance', 'X-Count': 3 } });
    expect(error.expose).toBe(true);
    expect(error.headers).toEqual({ 'Retry-After': '30', 'X-Reason': 'maintenance', 'X-Count': '3' });
  });

  it('accepts options in place of an optional header value', () => {
    const error = new ServiceUnavailable({ detail: 'Down for maintenance' });
    expect(error.detail).toBe('Down for maintenance');
    expect(error.retryAfter).toBeUndefined();
    expect(error.headers).toEqual({});
  });

  it('keeps the header value it was given on the error', () => {
    expect(new MethodNotAllowed(['GET', 'HEAD']).allow).toEqual(['GET', 'HEAD']);
    expect(new MethodNotAllowed('GET, POST').allow).toEqual(['GET', 'POST']);
    expect(new RangeNotSatisfiable(1000).completeLength).toBe(1000);
    expect(new Unauthorized({ scheme: 'Bearer' }).challenges).toEqual([{ scheme: 'Bearer' }]);
  });

  it('lets an application subclass keep instanceof and its own name', () => {
    class UserNotFound extends NotFound {
      constructor(id: number) {
        super(`No user ${id}`, { extensions: { id } });
      }
    }
    const error = new UserNotFound(7);
    expect(error).toBeInstanceOf(UserNotFound);
    expect(error).toBeInstanceOf(NotFound);
    expect(error.name).toBe('UserNotFound');
    expect(error.status).toBe(404);
    error.name = 'Renamed';
    expect(error.name).toBe('Renamed');
  });

  it('does not let isHttpError accept look-alikes', () => {
    expect(isHttpError({ status: 404, statusCode: 404, expose: true })).toBe(false);
    expect(isHttpError(createError(404))).toBe(false);
    expect(isHttpError(null)).toBe(false);
    expect(isHttpError('NotFound')).toBe(false);
  });

  it('maps unregistered or invalid codes sensibly in createHttpError from JavaScript', () => {
    const create = createHttpError as (status: number, ...args: unknown[]) => HttpError<number>;
    expect(create(499)).toBeInstanceOf(ClientError);
    expect(create(499).status).toBe(499);
    expect(create(599)).toBeInstanceOf(ServerError);
    expect(create(200).status).toBe(500);
    expect(create(999).status).toBe(500);
  });
});
