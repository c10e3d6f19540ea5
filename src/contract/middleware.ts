/**
 * The statuses a route can get from middleware it runs: what each middleware this package
 * knows (`not-found/known.ts`, the one place that tells them apart) answers with through
 * `errorHandler()`. `openApiPaths()` documents them and strict mode accepts them.
 * test/app/contract/throws.test.ts checks them on the real packages.
 */
import type { ErrorStatus } from '../core/status';
import { knownMiddleware } from '../not-found/known';
import type { KnownMiddleware } from '../not-found/known';
import { BODY_PARSER_STATUSES } from '../problem/interop/body-parser';

// What each can answer by itself; the ones that only pass requests on answer nothing.
const STATUSES: { readonly [K in KnownMiddleware]: readonly ErrorStatus[] } = {
  // A body that does not parse, is too large, or is in an encoding it lacks.
  bodyParser: BODY_PARSER_STATUSES as readonly ErrorStatus[],
  cors: [],
  helmet: [],
  morgan: [],
  cookieParser: [],
  compression: [],
  session: [],
  passportInitialize: [],
  // A failed login.
  passportAuthenticate: [401],
  csrf: [403],
  responseTime: [],
  // A limit of the form (413) or a field it does not take (400).
  multer: [400, 413],
  // A request that breaks the API description, its security or its methods.
  openApiValidator: [400, 401, 403, 404, 405, 413, 415],
  rateLimit: [429],
  expressJwt: [401],
  pinoHttp: [],
  // A malformed request (400), a bad token (401), a missing scope (403).
  oauth2JwtBearer: [400, 401, 403],
  connectTimeout: [503],
  // A body that fails its schema (422), a query, path or header that does (400).
  celebrate: [400, 422],
  // The failures a route reports with validationResult(req).throw().
  expressValidator: [422],
};

/** The statuses the middleware can produce, or none when it is not one we know. */
export function middlewareStatuses(handle: unknown, name: unknown): readonly ErrorStatus[] {
  const known = knownMiddleware(handle, name);
  return known === undefined ? [] : STATUSES[known];
}
