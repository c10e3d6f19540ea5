/**
 * express-typed-errors: typed HTTP errors for every 4xx and 5xx status, and one
 * `errorHandler()` that answers them with the right status, RFC headers and a
 * localised RFC 9457 problem+json body.
 */
export { errorHandler } from './error-handler';
export type { ErrorHandlerOptions, ErrorLogEntry, ErrorMapper, Logger } from './error-handler';

export { asyncHandler } from './async-handler';

export { parseTraceparent } from './tracing';

export { ClientError, HttpError, ServerError, isHttpError } from './http-error';
export type { ConstructorArgs, ErrorClass, ErrorInstance, HttpErrorOptions, ProblemItem } from './http-error';

export { notFound } from './not-found';
export type { NotFoundDetailKeys, NotFoundHandler, NotFoundOptions, TrustedMiddleware } from './not-found';

export { isMessage, message } from './message';
export type { Message } from './message';

export { defineMessages } from './define-messages';
export type { MessageFunction, MessageKey, MessageParams } from './define-messages';

export { createLocalization } from './localize';
export type { AppMessages, CatalogOverride, CatalogsOption, LocaleContext, Localization, LocalizationOptions, PhrasesOverride, StatusesOverride } from './localize';

export {
  BadGateway,
  BadRequest,
  Conflict,
  ContentTooLarge,
  ExpectationFailed,
  FailedDependency,
  Forbidden,
  GatewayTimeout,
  Gone,
  HTTPVersionNotSupported,
  ImATeapot,
  InsufficientStorage,
  InternalServerError,
  LengthRequired,
  Locked,
  LoopDetected,
  MethodNotAllowed,
  MisdirectedRequest,
  NetworkAuthenticationRequired,
  NotAcceptable,
  NotExtended,
  NotFound,
  NotImplemented,
  PayloadTooLarge,
  PaymentRequired,
  PreconditionFailed,
  PreconditionRequired,
  ProxyAuthenticationRequired,
  RangeNotSatisfiable,
  RequestHeaderFieldsTooLarge,
  RequestTimeout,
  ServiceUnavailable,
  TooEarly,
  TooManyRequests,
  URITooLong,
  Unauthorized,
  UnavailableForLegalReasons,
  UnprocessableContent,
  UnprocessableEntity,
  UnsupportedMediaType,
  UpgradeRequired,
  VariantAlsoNegotiates,
} from './errors';

export { createHttpError } from './create';
export type { ErrorClassOf } from './create';

export { entryFor, MAX_AGGREGATE_ITEMS, MAX_BODY_LENGTH, MAX_EXTENSION_STRING, normalizeError, serializeProblem, toProblem } from './problem';
export type { NormalizedError, ProblemContext, ProblemDocument, ProblemResponse } from './problem';

export { createLanguageLookup, createLanguageNegotiator } from './negotiate';
export type { LanguageLookup, LanguageNegotiator } from './negotiate';

export { FORMATS } from './formats';
export type { Format, RenderHtml, RenderHtmlContext } from './formats';
export { escapeHtml } from './render-html';

export { CATALOGS, LOCALES } from './locales';
export type { Catalog, CatalogEntry, Locale, PhraseKey, Phrases } from './locales';

export { ERROR_STATUSES, STATUSES, isErrorStatus } from './status';
export type { ClassNameOf, ClientErrorStatus, ContractOf, ErrorStatus, HeaderContract, RequiredContractStatus, ServerErrorStatus, StatusTable } from './status';

export type { Challenge, ContractArgument, ContractProperty, RetryAfter } from './headers';
export { problemJsonSchema } from './schema';
export type { JsonSchema, ProblemSchemaOptions, ProblemTypeSpec } from './schema';

export { mergeOpenApi, openApiErrorResponses } from './openapi';
export type { OpenApiErrorComponents, OpenApiErrorOptions } from './openapi';

export { parseChallenges, parseProblem, UnknownProblem } from './client';
export type { FetchResponseLike, ReceivedResponse } from './client';

export { StrictViolationError } from './strict';
export type { StrictRule, StrictViolation } from './strict';
