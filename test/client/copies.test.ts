/**
 * instanceof between two copies of the package (as when its CommonJS and ES module builds are
 * loaded side by side), and between the client entry and the main entry of one copy.
 */
import * as client from '../../src/client';
import * as main from '../../src';

// A second copy: the same source loaded again into a fresh module registry.
let other: typeof client = client;
jest.isolateModules(() => {
  other = jest.requireActual<typeof client>('../../src/client');
});

describe('instanceof across entries and copies', () => {
  it('has the very same classes at the client and the main entry', () => {
    expect(client.NotFound).toBe(main.NotFound);
    expect(client.parseProblem({ status: 404, body: { title: 'x' } })).toBeInstanceOf(main.NotFound);
  });

  it('loads a second copy with classes of its own', () => {
    expect(other.NotFound).not.toBe(client.NotFound);
  });

  it.each([
    ['its class', (c: typeof client) => c.NotFound],
    ['its base', (c: typeof client) => c.ClientError],
    ['the root base', (c: typeof client) => c.HttpError],
  ])('knows an error of the other copy as an instance of %s', (_what, pick) => {
    const error = new other.NotFound('x');
    expect(error instanceof pick(client)).toBe(true);
    expect(new client.NotFound('x') instanceof pick(other)).toBe(true);
  });

  it('tells classes apart across copies', () => {
    expect(new other.NotFound() instanceof client.Gone).toBe(false);
    expect(new other.NotFound() instanceof client.ServerError).toBe(false);
    expect(new other.ServiceUnavailable() instanceof client.ServerError).toBe(true);
    expect(other.parseProblem({ status: 404, body: '<html>' }) instanceof client.NotFound).toBe(false);
    expect(other.parseProblem({ status: 404, body: '<html>' }) instanceof client.UnknownProblem).toBe(true);
    expect(client.parseProblem({ status: 503, body: { title: 'x' } }) instanceof other.ServiceUnavailable).toBe(true);
  });

  it('matches a class of your own by its prototype chain only', () => {
    class UserNotFound extends client.NotFound {}
    expect(new UserNotFound() instanceof client.NotFound).toBe(true);
    expect(new UserNotFound() instanceof other.NotFound).toBe(true);
    expect(new other.NotFound() instanceof UserNotFound).toBe(false);
    expect(new UserNotFound().name).toBe('UserNotFound');
  });

  it('does not take a look-alike for one of ours', () => {
    const fake = Object.assign(Object.create(Error.prototype) as object, { status: 404, name: 'NotFound' });
    expect(fake instanceof client.NotFound).toBe(false);
    const values: unknown[] = [{}, null, 'NotFound', 404];
    for (const value of values) expect(value instanceof client.HttpError).toBe(false);
  });

  it('names each class from the status table, which a minifier cannot rename', () => {
    expect(new client.NotFound().name).toBe('NotFound');
    expect(new client.UnprocessableContent().name).toBe('UnprocessableEntity');
    expect(client.parseProblem({ status: 499, body: { title: 'x' } }).name).toBe('UnknownProblem');
    expect(String(new client.NotFound('No user 42'))).toBe('NotFound: No user 42');
  });
});
