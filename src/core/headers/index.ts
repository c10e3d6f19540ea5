/**
 * The header contracts of the status table, one spec each (`./spec`): the error classes
 * format them, the client parses them, strict mode checks the required ones, and the
 * OpenAPI builder documents them from the description beside each spec.
 */
import { statusRow } from '../status';
import type { ErrorStatus, ContractOf, HeaderContract } from '../status';
import { allow, allowOpenApi } from './allow';
import { blockedBy, blockedByOpenApi } from './blocked-by';
import { proxyAuthenticate, proxyAuthenticateOpenApi, wwwAuthenticate, wwwAuthenticateOpenApi } from './challenges';
import type { Challenge } from './challenges';
import { contentRange, contentRangeOpenApi } from './content-range';
import { retryAfter, retryAfterOpenApi } from './retry-after';
import type { RetryAfter } from './retry-after';
import type { HeaderOpenApi, HeaderSpec } from './spec';
import { upgrade, upgradeOpenApi } from './upgrade';

/** Every header contract's spec, by the name the status table uses. */
export const CONTRACTS = {
  'retry-after': retryAfter,
  allow,
  'www-authenticate': wwwAuthenticate,
  'proxy-authenticate': proxyAuthenticate,
  upgrade,
  'content-range': contentRange,
  'blocked-by': blockedBy,
} as const satisfies { readonly [K in HeaderContract]: HeaderSpec };

/** The spec of the header a status carries, or `undefined` when its row names none. */
export function specOf(status: number): HeaderSpec | undefined {
  const contract = statusRow(status)?.header;
  return contract === undefined ? undefined : CONTRACTS[contract];
}

/** How the OpenAPI document describes each header contract; functions apart from {@link CONTRACTS}, so a client bundle drops them all. */
export const OPEN_API = {
  'retry-after': retryAfterOpenApi,
  allow: allowOpenApi,
  'www-authenticate': wwwAuthenticateOpenApi,
  'proxy-authenticate': proxyAuthenticateOpenApi,
  upgrade: upgradeOpenApi,
  'content-range': contentRangeOpenApi,
  'blocked-by': blockedByOpenApi,
} as const satisfies { readonly [K in HeaderContract]: () => HeaderOpenApi };

/** The argument type each header contract takes in its class's constructor. */
export interface ContractArgument {
  readonly 'retry-after': RetryAfter;
  readonly allow: string | readonly string[];
  readonly 'www-authenticate': Challenge | readonly Challenge[];
  readonly 'proxy-authenticate': Challenge | readonly Challenge[];
  readonly upgrade: string | readonly string[];
  readonly 'content-range': number;
  readonly 'blocked-by': string;
}

/** The property under which an error keeps the value it was given for its header. */
export interface ContractProperty {
  readonly 'retry-after': { readonly retryAfter: RetryAfter | undefined };
  readonly allow: { readonly allow: readonly string[] };
  readonly 'www-authenticate': { readonly challenges: readonly Challenge[] };
  readonly 'proxy-authenticate': { readonly challenges: readonly Challenge[] };
  readonly upgrade: { readonly upgrade: readonly string[] };
  readonly 'content-range': { readonly completeLength: number };
  readonly 'blocked-by': { readonly blockedBy: string | undefined };
}

/** The statuses whose constructor must be given the header value: their contract's spec says `required`. */
export type RequiredContractStatus = {
  [S in ErrorStatus]: [ContractOf<S>] extends [never] ? never : (typeof CONTRACTS)[ContractOf<S>]['required'] extends true ? S : never;
}[ErrorStatus];

export type { Challenge } from './challenges';
export type { RetryAfter } from './retry-after';
export type { HeaderOpenApi, HeaderSpec } from './spec';
