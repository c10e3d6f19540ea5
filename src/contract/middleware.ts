/**
 * The statuses a route can get from middleware it runs, known by the middleware's shape:
 * body parsers, rate limiters, authentication. `openApiPaths()` documents them and strict
 * mode accepts them. test/app/contract/middleware.test.ts checks each on the real package.
 */
import type { ErrorStatus } from '../core/status';
import { BODY_PARSER_STATUSES } from '../problem/interop/body-parser';

interface Recognised {
  /** Whether a layer's function (and the name Express gives its layer) is this middleware. */
  readonly is: (handle: object, name: string) => boolean;
  readonly statuses: readonly ErrorStatus[];
}

const PARSERS = new Set(['jsonParser', 'urlencodedParser', 'textParser', 'rawParser']);

const RECOGNISED: readonly Recognised[] = [
  // body-parser and express.json() & co.: a body that does not parse, is too large, or in an encoding they lack.
  { is: (_handle, name) => PARSERS.has(name), statuses: BODY_PARSER_STATUSES as readonly ErrorStatus[] },
  // express-rate-limit: an anonymous function that carries resetKey and getKey.
  { is: (handle) => hasMethods(handle, 'resetKey', 'getKey'), statuses: [429] },
  // passport.authenticate(): a failed login answers 401.
  { is: (_handle, name) => name === 'authenticate', statuses: [401] },
  // express-jwt: its `middleware`, with express-unless's `unless`, answers a bad token with 401.
  { is: (handle, name) => name === 'middleware' && hasMethods(handle, 'unless'), statuses: [401] },
];

/** The statuses the middleware can produce, or none when it is not one we know. */
export function middlewareStatuses(handle: unknown, name: unknown): readonly ErrorStatus[] {
  if (typeof handle !== 'function') return [];
  const layerName = typeof name === 'string' ? name : handle.name;
  for (const entry of RECOGNISED) if (entry.is(handle, layerName)) return entry.statuses;
  return [];
}

function hasMethods(handle: object, ...names: readonly string[]): boolean {
  return names.every((name) => typeof (handle as Record<string, unknown>)[name] === 'function');
}
