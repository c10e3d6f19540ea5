import { openApiPathsOf } from '../../src/contract/routes';

describe('openApiPathsOf()', () => {
  it.each([
    ['/users/:id', ['/users/{id}']],
    ['/users/:id/posts/:postId', ['/users/{id}/posts/{postId}']],
    ['/', ['/']],
    ['/api/', ['/api']],
    ['/files/:name?', ['/files/{name}', '/files']],
    ['/files{/:name}', ['/files/{name}', '/files']],
    ['/a{/:b}{/:c}', ['/a/{b}/{c}', '/a/{b}', '/a/{c}', '/a']],
    ['/n/:id(\\d+)', ['/n/{id}']],
    ['/static/*path', ['/static/{path}']],
    ['/legacy/*', ['/legacy/{wildcard}']],
    ['/v1.0/x', ['/v1.0/x']],
  ])('writes the Express pattern %s as %j', (pattern, paths) => {
    expect(openApiPathsOf(pattern)).toEqual(paths);
  });
});
