/**
 * `express-typed-errors/client`: read an error response (ours or any RFC 9457 server's)
 * back into a typed error, in a browser or a service. Imports nothing that needs Node or
 * Express; the classes are the very ones the main entry exports.
 */

// The error classes and their bases, to narrow with `instanceof`.
export * from './core/errors';
export { ClientError, HttpError, ServerError, isHttpError } from './core/http-error';
export type { ErrorClass, ErrorInstance, HttpErrorOptions, ProblemItem } from './core/http-error';
export type { ClientErrorStatus, ErrorStatus, ServerErrorStatus } from './core/status';
export type { Challenge, RetryAfter } from './core/headers';

// Reading a response.
export { parseProblem, UnknownProblem } from './client/parse-problem';
export type { FetchResponseLike, ReceivedResponse } from './client/parse-problem';
export type { HeadersLike } from './client/headers';
export { parseChallenges } from './core/headers/challenges';

// fetch, ky and axios, and what the server said about retrying.
export { axiosInterceptor, fetchProblem, kyHooks } from './client/adapters';
export type { AxiosInstanceLike, KyErrorLike, KyHooks } from './client/adapters';
export { retryAfterMs } from './client/retry';
