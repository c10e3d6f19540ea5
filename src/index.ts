/**
 * express-typed-errors: typed HTTP errors for every 4xx and 5xx status, and one
 * `errorHandler()` that answers them with the right status, RFC headers and a
 * localised RFC 9457 problem+json body.
 */

// The error classes, their bases and how to make one from a status.
export * from './core/errors';
export { ClientError, HttpError, ServerError, isHttpError } from './core/http-error';
export type { ConstructorArgs, ErrorClass, ErrorInstance, HttpErrorOptions, ProblemItem } from './core/http-error';
export { createHttpError } from './core/create';
export type { ErrorClassOf } from './core/create';
export { isErrorStatus } from './core/status';
export type { ClassNameOf, ClientErrorStatus, ContractOf, ErrorStatus, HeaderContract, ServerErrorStatus } from './core/status';
export type { Challenge, ContractArgument, ContractProperty, RequiredContractStatus, RetryAfter } from './core/headers';

// The middleware.
export { errorHandler } from './handler/error-handler';
export type { ErrorHandlerOptions, ErrorMapper } from './handler/error-handler';
export type { InteropName, InteropOption } from './problem/interop';
export type { ErrorLogEntry, Logger, LogOption } from './handler/log';
export type { ErrorResponseEvent, OnError } from './handler/on-error';
export { StrictViolationError } from './handler/strict';
export type { StrictRule, StrictViolation } from './handler/strict';
export { asyncHandler } from './handler/async-handler';
export { rateLimitHandler } from './handler/rate-limit';
export type { RateLimitHandler, RateLimitHandlerOptions, RateLimitOptionsUsed } from './handler/rate-limit';
export { notFound } from './not-found/not-found';
export type { NotFoundDetailKeys, NotFoundHandler, NotFoundOptions, TrustedMiddleware } from './not-found/not-found';

// Messages and languages.
export { isMessage, message } from './core/message';
export type { Message } from './core/message';
export { defineMessages } from './i18n/define-messages';
export type { MessageFunction, MessageKey, MessageParams } from './i18n/define-messages';
export { CATALOGS, LOCALES } from './i18n/locales';
export type { Catalog, CatalogEntry, Locale, PhraseKey, Phrases } from './i18n/locales';
export type { AppMessages, CatalogOverride, CatalogsOption, PhrasesOverride, StatusesOverride } from './i18n/localize';

// Formats.
export { escapeHtml } from './render/html';
export type { Format, RenderHtml, RenderHtmlContext } from './render/formats';
export type { ProblemDocument } from './problem/problem';

// The published contract.
export { problemJsonSchema } from './contract/schema';
export type { JsonSchema, JsonTypeName, ProblemSchemaOptions, ProblemTypeSpec } from './contract/schema';
export { mergeOpenApi, openApiErrorResponses, openApiPaths } from './contract/openapi';
export type { ErrorHandlerLike, OpenApiErrorComponents, OpenApiErrorOptions, OpenApiFragment, OpenApiPathsFragment, OpenApiVersion } from './contract/openapi';
export { throws } from './contract/throws';
export type { Declarable, DeclaredClass } from './contract/throws';
export { problemTypeDocs } from './contract/docs';
export type { ProblemTypeDocsOptions } from './contract/docs';

// Reading errors back (also at `express-typed-errors/client`).
export { axiosInterceptor, fetchProblem, kyHooks, parseChallenges, parseProblem, retryAfterMs, UnknownProblem } from './client';
export type { AxiosInstanceLike, FetchResponseLike, HeadersLike, KyErrorLike, KyHooks, ReceivedResponse } from './client';
