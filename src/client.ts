/**
 * `express-typed-errors/client`: read an error response (ours or any RFC 9457 server's)
 * back into a typed error. Imports nothing that needs Node or Express.
 */
export { parseProblem, UnknownProblem } from './client/parse-problem';
export type { FetchResponseLike, ReceivedResponse } from './client/parse-problem';
export { parseChallenges } from './core/headers/challenges';
