/**
 * instanceof follows the prototype chain and nothing else: the client and main entries share
 * their classes, and a second copy of the package (two installs in one process) has classes of
 * its own, whose errors isHttpError() still knows by the brand both copies share.
 */
import * as client from '../../src/client';
import * as main from '../../src';
import { CLASSES } from '../../src/core/classes';

// A second copy: the same source loaded again into a fresh module registry.
let other: typeof client = client;
jest.isolateModules(() => {
  other = jest.requireActual<typeof client>('../../src/client');
});

describe('instanceof across entries and copies', () => {
  it('has the very same classes at the client and the main entry', () => {
    expect(client.NotFound).toBe(main.NotFound);
    expect(client.HttpError).toBe(main.HttpError);
    expect(client.parseProblem({ status: 404, body: { title: 'x' } })).toBeInstanceOf(main.NotFound);
  });

  it('loads a second copy with classes of its own', () => {
    expect(other.NotFound).not.toBe(client.NotFound);
  });

  it.each([
    ['its class', (c: typeof client) => c.NotFound],
    ['its base', (c: typeof client) => c.ClientError],
    ['the root base', (c: typeof client) => c.HttpError],
  ])('does not take an error of the other copy for an instance of %s', (_what, pick) => {
    expect(new other.NotFound('x') instanceof pick(client)).toBe(false);
    expect(new client.NotFound('x') instanceof pick(other)).toBe(false);
    expect(new client.NotFound('x') instanceof pick(client)).toBe(true);
  });

  it('knows an error of the other copy with isHttpError()', () => {
    expect(client.isHttpError(new other.NotFound('x'))).toBe(true);
    expect(client.isHttpError(other.parseProblem({ status: 404, body: '<html>' }))).toBe(true);
    expect(other.isHttpError(client.parseProblem({ status: 503, body: { title: 'x' } }))).toBe(true);
  });

  it('leaves Symbol.hasInstance to Function.prototype on every class', () => {
    const classes: readonly { [Symbol.hasInstance]: unknown }[] = [client.HttpError, client.ClientError, client.ServerError, client.UnknownProblem, ...Object.values(CLASSES)];
    for (const target of classes) expect(target[Symbol.hasInstance]).toBe(Function.prototype[Symbol.hasInstance]);
  });

  it('matches a class of your own by its prototype chain', () => {
    class UserNotFound extends client.NotFound {}
    expect(new UserNotFound() instanceof client.NotFound).toBe(true);
    expect(new UserNotFound() instanceof client.HttpError).toBe(true);
    expect(new client.NotFound() instanceof UserNotFound).toBe(false);
    expect(new UserNotFound().name).toBe('UserNotFound');
  });

  it('does not take a look-alike for one of ours', () => {
    const fake = Object.assign(Object.create(Error.prototype) as object, { status: 404, name: 'NotFound' });
    expect(fake instanceof client.NotFound).toBe(false);
    expect(client.isHttpError(fake)).toBe(false);
    const values: unknown[] = [{}, null, 'NotFound', 404];
    for (const value of values) expect(value instanceof client.HttpError || client.isHttpError(value)).toBe(false);
  });

  it('names each class from the status table, which a minifier cannot rename', () => {
    expect(new client.NotFound().name).toBe('NotFound');
    expect(new client.UnprocessableContent().name).toBe('UnprocessableEntity');
    expect(client.parseProblem({ status: 499, body: { title: 'x' } }).name).toBe('UnknownProblem');
    expect(String(new client.NotFound('No user 42'))).toBe('NotFound: No user 42');
  });
});
