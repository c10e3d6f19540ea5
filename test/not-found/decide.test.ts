/**
 * notFound()'s answers as a table: the facts the walk gathered, the options, and the answer.
 * No Express: each row is one request.
 */
import { decide, decideCompanion } from '../../src/not-found/decide';
import type { Answer, AppFacts, DecideOptions, PathFacts } from '../../src/not-found/decide';

const DEFAULTS: DecideOptions = { methodNotAllowed: true, notImplemented: true, methodNotAllowedForGet: false };
const app = (...methods: string[]): AppFacts => ({ methods: new Set(methods), opaque: false });
const opaqueApp: AppFacts = { methods: new Set(['GET', 'HEAD', 'POST']), opaque: true };
const path = (...methods: string[]): PathFacts => ({ allowed: new Set(methods), allow: [...new Set([...methods, 'OPTIONS'])].sort().join(', '), routed: true });
// Routes match but their methods cannot all be known (app.all(), middleware, a sub-app).
const unknownMethods: PathFacts = { allowed: undefined, allow: '', routed: true };
const noRoute: PathFacts = { allowed: undefined, allow: '', routed: false };

const WHOLE = app('GET', 'HEAD', 'POST', 'PUT', 'DELETE');
const users = path('GET', 'HEAD', 'PUT');

const found: Answer = { kind: 'not-found' };
const pass: Answer = { kind: 'pass' };
const notImplemented: Answer = { kind: 'not-implemented' };
const notAllowed = (allow: string): Answer => ({ kind: 'method-not-allowed', allow });
const options = (allow: string): Answer => ({ kind: 'options', allow });

describe('decide()', () => {
  it.each<[string, string, AppFacts | undefined, PathFacts | undefined, boolean, Partial<DecideOptions>, Answer]>([
    // what,                                         method,    app,       path,           whole, options,                          answer
    ['an unknown path', 'GET', WHOLE, noRoute, true, {}, found],
    ['a known path, a method its routes lack', 'DELETE', WHOLE, users, true, {}, notAllowed('GET, HEAD, OPTIONS, PUT')],
    ['a known path, a method its routes have (they passed it on)', 'PUT', WHOLE, users, true, {}, found],
    ['GET on a path that only has POST', 'GET', WHOLE, path('POST'), true, {}, found],
    ['HEAD on a path that only has POST', 'HEAD', WHOLE, path('POST'), true, {}, found],
    ['GET on a path that only has POST, methodNotAllowedForGet', 'GET', WHOLE, path('POST'), true, { methodNotAllowedForGet: true }, notAllowed('OPTIONS, POST')],
    ['a method no route of the app has', 'PATCH', WHOLE, users, true, {}, notImplemented],
    ['a method no route has, on an unknown path', 'PATCH', WHOLE, noRoute, true, {}, notImplemented],
    ['a method no route has, notImplemented off', 'PATCH', WHOLE, users, true, { notImplemented: false }, notAllowed('GET, HEAD, OPTIONS, PUT')],
    ['a method no route has, both off', 'PATCH', WHOLE, users, true, { notImplemented: false, methodNotAllowed: false }, found],
    ['a wrong method, methodNotAllowed off', 'DELETE', WHOLE, users, true, { methodNotAllowed: false }, found],
    ['a method no route has, in an app that is not the whole server', 'PATCH', WHOLE, users, false, {}, notAllowed('GET, HEAD, OPTIONS, PUT')],
    ['a method no route has, where middleware may answer unseen methods', 'PATCH', opaqueApp, noRoute, true, {}, found],
    ['GET is never 501', 'GET', app('POST'), noRoute, true, {}, found],
    ['HEAD is never 501', 'HEAD', app('POST'), noRoute, true, {}, found],
    ['a path whose methods cannot all be known', 'DELETE', WHOLE, unknownMethods, true, {}, found],
    ['a path whose facts do not belong to this request', 'DELETE', WHOLE, undefined, false, {}, found],
    ['an app whose router cannot be read', 'PATCH', undefined, undefined, false, {}, found],
    ['OPTIONS on a path with routes', 'OPTIONS', WHOLE, users, true, {}, options('GET, HEAD, OPTIONS, PUT')],
    ['OPTIONS where a route handles OPTIONS (it passed it on)', 'OPTIONS', WHOLE, path('GET', 'HEAD', 'OPTIONS'), true, {}, found],
    ['OPTIONS on an unknown path', 'OPTIONS', WHOLE, noRoute, true, {}, found],
    ['OPTIONS on a routed path whose methods cannot all be known', 'OPTIONS', WHOLE, unknownMethods, true, {}, pass],
    ['OPTIONS where the path facts do not belong to this request', 'OPTIONS', WHOLE, undefined, false, {}, pass],
    ['OPTIONS in an app whose router cannot be read', 'OPTIONS', undefined, undefined, false, {}, found],
    ['OPTIONS is never 501', 'OPTIONS', app('GET'), noRoute, true, {}, found],
  ])('answers %s (%s)', (_what, method, appFacts, pathFacts, whole, option, answer) => {
    expect(decide({ method, app: appFacts, path: pathFacts, whole }, { ...DEFAULTS, ...option })).toEqual(answer);
  });
});

describe('decideCompanion()', () => {
  it.each<[string, string, boolean, PathFacts | undefined, Answer]>([
    ['OPTIONS on a path with routes', 'OPTIONS', false, users, options('GET, HEAD, OPTIONS, PUT')],
    ['a CORS OPTIONS request (preflight or with Origin)', 'OPTIONS', true, users, pass],
    ['any other method', 'GET', false, users, pass],
    ['OPTIONS where a route handles it', 'OPTIONS', false, path('GET', 'OPTIONS'), pass],
    ['OPTIONS on a path without routes (notFound() answers 404)', 'OPTIONS', false, noRoute, pass],
    ['OPTIONS on a path whose methods cannot all be known', 'OPTIONS', false, unknownMethods, pass],
    ['OPTIONS where the companion cannot read the path (not at the root)', 'OPTIONS', false, undefined, pass],
  ])('answers %s', (_what, method, cors, pathFacts, answer) => {
    expect(decideCompanion({ method, cors, path: pathFacts })).toEqual(answer);
  });
});
