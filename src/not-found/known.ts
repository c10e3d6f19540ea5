/**
 * The middleware this package knows by its function: the name its package gives it, or what
 * the package attaches to it. Every one of them passes requests on or rejects them (never
 * answers a method no route shows), so `notFound()` keeps 405 and 501 past it; the contract
 * (`openApiPaths()`, strict mode) adds the statuses each can answer with. Read only while a
 * router is walked, never per request. Checked against the real packages in
 * test/not-found/middleware.test.ts and test/app/contract/throws.test.ts.
 */

/** A middleware this package knows. */
export type KnownMiddleware =
  | 'bodyParser'
  | 'cors'
  | 'helmet'
  | 'morgan'
  | 'cookieParser'
  | 'compression'
  | 'session'
  | 'passportInitialize'
  | 'passportAuthenticate'
  | 'csrf'
  | 'responseTime'
  | 'multer'
  | 'openApiValidator'
  | 'rateLimit'
  | 'expressJwt'
  | 'pinoHttp'
  | 'oauth2JwtBearer'
  | 'connectTimeout'
  | 'celebrate'
  | 'expressValidator';

// By the name the package gives the function (Express copies it to the layer).
const BY_NAME: Readonly<Record<string, KnownMiddleware>> = {
  jsonParser: 'bodyParser',
  urlencodedParser: 'bodyParser',
  textParser: 'bodyParser',
  rawParser: 'bodyParser',
  // cors answers OPTIONS, which every Allow lists.
  corsMiddleware: 'cors',
  helmetMiddleware: 'helmet',
  logger: 'morgan',
  cookieParser: 'cookieParser',
  compression: 'compression',
  session: 'session',
  // passport's initialize() and session() (which is `authenticate` too).
  initialize: 'passportInitialize',
  authenticate: 'passportAuthenticate',
  csrf: 'csrf',
  doubleCsrfProtection: 'csrf',
  responseTime: 'responseTime',
  multerMiddleware: 'multer',
  // express-openapi-validator's request middleware (not its operation handlers).
  pathParamsMiddleware: 'openApiValidator',
  metadataMiddleware: 'openApiValidator',
  securityMiddleware: 'openApiValidator',
  multipartMiddleware: 'openApiValidator',
  requestMiddleware: 'openApiValidator',
  responseMiddleware: 'openApiValidator',
};

type Handle = Readonly<Record<string, unknown>>;

// A generic name or none: known by what the package attaches to the function or, for two that
// attach nothing, by a line of their own code.
const BY_SHAPE: readonly (readonly [KnownMiddleware, (handle: Handle, name: string) => boolean])[] = [
  // express-rate-limit: `resetKey` and `getKey` on an anonymous function.
  ['rateLimit', (handle) => typeof handle.resetKey === 'function' && typeof handle.getKey === 'function'],
  // express-jwt: `middleware`, with express-unless's `unless`.
  ['expressJwt', (handle, name) => name === 'middleware' && typeof handle.unless === 'function'],
  // express-validator's chains (and checkExact(), oneOf()): `middleware` with `run`.
  ['expressValidator', (handle, name) => name === 'middleware' && typeof handle.run === 'function'],
  // celebrate(): `middleware` keeping its `_schema`.
  ['celebrate', (handle, name) => name === 'middleware' && Object.hasOwn(handle, '_schema')],
  // pino-http: `result`, with its `logger`.
  ['pinoHttp', (handle, name) => name === 'result' && typeof handle.logger === 'object' && handle.logger !== null],
  // express-oauth2-jwt-bearer's auth() and its claim checks (requiredScopes(), ...).
  ['oauth2JwtBearer', (handle) => /\.applyAuthChallenges\(|\breq\.auth\)[^;]*\.payload\b/.test(sourceOf(handle))],
  // connect-timeout.
  ['connectTimeout', (handle) => /\.timedout = false\b/.test(sourceOf(handle))],
];

const SOURCES = new WeakMap<object, string>();

/** The middleware `handle` is (`name` is its layer's), or `undefined` for one this package does not know. */
export function knownMiddleware(handle: unknown, name: unknown): KnownMiddleware | undefined {
  if (typeof handle !== 'function') return undefined;
  const layerName = typeof name === 'string' ? name : handle.name;
  if (Object.hasOwn(BY_NAME, layerName)) return BY_NAME[layerName];
  try {
    for (const [id, matches] of BY_SHAPE) if (matches(handle as unknown as Handle, layerName)) return id;
  } catch {
    // A function with throwing getters is nothing we know.
  }
  return undefined;
}

// The function's own text, read once: short for middleware, and never per request.
function sourceOf(handle: object): string {
  let text = SOURCES.get(handle);
  if (text === undefined) {
    text = Function.prototype.toString.call(handle).slice(0, 4096);
    SOURCES.set(handle, text);
  }
  return text;
}
