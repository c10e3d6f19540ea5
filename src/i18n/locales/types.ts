import type { ErrorStatus } from '../../core/status';
import type { FormatKind, TypeKind } from './select';

/** The localised text of one status: a short title and a one-sentence default description. */
export interface CatalogEntry {
  readonly title: string;
  readonly detail: string;
}

/**
 * Localised sentences that are not tied to one status, in ICU MessageFormat: `{name}` marks a
 * value filled in at run time; a count is a `plural` with the language's CLDR categories, a
 * number `{n, number, exact}`, a date `{d, date, utc}` (see `NAMED_FORMATS`).
 */
export interface Phrases {
  /** An unregistered 4xx code (e.g. 499). */
  readonly clientError: CatalogEntry;
  /** An unregistered 5xx code (e.g. 599). */
  readonly serverError: CatalogEntry;
  /**
   * The retry sentence of the HTML page when `Retry-After` is near; `{when}` is a relative
   * time from `Intl.RelativeTimeFormat`, e.g. "in 2 minutes", "2분 후".
   */
  readonly retryIn: string;
  /** The retry sentence when `Retry-After` is a date more than a day away; `{date}` is that moment, for `{date, date, utc}` and `{date, time, utc}`. */
  readonly retryAt: string;
  /** body-parser `entity.parse.failed`: the JSON body does not parse. */
  readonly bodyParseFailed: string;
  /** body-parser `entity.too.large`; `{limit}` is the limit in bytes, a count. */
  readonly bodyTooLarge: string;
  /** body-parser `encoding.unsupported`; `{encoding}` is the Content-Encoding. */
  readonly bodyEncodingUnsupported: string;
  /** body-parser `charset.unsupported`; `{charset}` is the charset. */
  readonly bodyCharsetUnsupported: string;
  /** body-parser `request.aborted`: the body stopped before its end. */
  readonly bodyAborted: string;
  /** body-parser `request.size.invalid`: the body length differs from Content-Length. */
  readonly bodySizeInvalid: string;
  /** body-parser `parameters.too.many` (urlencoded `parameterLimit`). */
  readonly bodyTooManyParameters: string;
  /** body-parser `querystring.parse.rangeError` (urlencoded `depth`). */
  readonly bodyTooDeep: string;
  /** zod `invalid_type`: a `select` on `{expected}`, one sentence per `TypeKind` (`src/i18n/locales/select.ts`) and `other`. */
  readonly zodInvalidType: string;
  /** zod `too_big` on a number; `{maximum}` is the bound, a number. */
  readonly zodTooBig: string;
  /** zod `too_big` with an exclusive bound. */
  readonly zodTooBigExclusive: string;
  /** zod `too_small` on a number; `{minimum}` is the bound, a number. */
  readonly zodTooSmall: string;
  /** zod `too_small` with an exclusive bound. */
  readonly zodTooSmallExclusive: string;
  /** zod `too_big` on a string; `{maximum}` characters, a count. */
  readonly zodTooLong: string;
  /** zod `too_small` on a string; `{minimum}` characters, a count. */
  readonly zodTooShort: string;
  /** zod `too_big` on an array or set; `{maximum}` items, a count. */
  readonly zodTooManyItems: string;
  /** zod `too_small` on an array or set; `{minimum}` items, a count. */
  readonly zodTooFewItems: string;
  /**
   * zod `invalid_format`: a `select` on `{format}`, one sentence per `FormatKind` and a
   * neutral `other`; `{name}` is the proper name of an id, IP or Base64 scheme (`ULID`, `IPv6`).
   */
  readonly zodInvalidFormat: string;
  /** zod `not_multiple_of`; `{divisor}`, a number. */
  readonly zodNotMultipleOf: string;
  /** zod `unrecognized_keys`: one item per unknown field. */
  readonly zodUnrecognizedKey: string;
  /** zod `invalid_value`; `{values}` lists the allowed values, as code. */
  readonly zodInvalidValue: string;
  /** Any other zod issue (union, key, element, custom). */
  readonly zodInvalid: string;
  // contract: the problem type documentation pages of problemTypeDocs().
  /** The label of the problem type URI on its documentation page. */
  readonly docsType: string;
  /** The label of the HTTP status on the page. */
  readonly docsStatus: string;
  /** The heading of the headers list. */
  readonly docsHeaders: string;
  /** The heading of the extension members list. */
  readonly docsExtensions: string;
  /** How to get the JSON Schema of the type. */
  readonly docsSchemaHint: string;
  /** `Retry-After`. */
  readonly docsHeaderRetryAfter: string;
  /** `Allow`. */
  readonly docsHeaderAllow: string;
  /** `WWW-Authenticate`. */
  readonly docsHeaderWwwAuthenticate: string;
  /** `Proxy-Authenticate`. */
  readonly docsHeaderProxyAuthenticate: string;
  /** `Upgrade`. */
  readonly docsHeaderUpgrade: string;
  /** `Content-Range` (of a 416). */
  readonly docsHeaderContentRange: string;
  /** `Link` with `rel="blocked-by"` (RFC 7725). */
  readonly docsHeaderBlockedBy: string;
  /** `Cache-Control: no-store`. */
  readonly docsHeaderNoStore: string;
  /** `Connection: close` (408). */
  readonly docsHeaderConnectionClose: string;
  /** `Connection: Upgrade` (426). */
  readonly docsHeaderConnectionUpgrade: string;

  // Middleware errors: express-jwt, express-oauth2-jwt-bearer, multer and busboy, validators, CSRF.
  /** express-jwt `credentials_required`, express-oauth2-jwt-bearer `UnauthorizedError`: no access token. */
  readonly jwtCredentialsRequired: string;
  /** express-jwt `credentials_bad_scheme`: Authorization uses another scheme. */
  readonly jwtBadScheme: string;
  /** express-jwt `credentials_bad_format`: Authorization is not `Bearer <token>`. */
  readonly jwtBadFormat: string;
  /** A bad access token (express-jwt `invalid_token`, `InvalidTokenError`). */
  readonly jwtInvalidToken: string;
  /** An expired access token. */
  readonly jwtExpiredToken: string;
  /** express-jwt `revoked_token`. */
  readonly jwtRevokedToken: string;
  /** express-oauth2-jwt-bearer `InvalidRequestError`. */
  readonly jwtInvalidRequest: string;
  /** express-oauth2-jwt-bearer `InsufficientScopeError`. */
  readonly jwtInsufficientScope: string;
  /** express-oauth2-jwt-bearer `InvalidProofError` (DPoP). */
  readonly jwtInvalidProof: string;
  /** multer `LIMIT_FILE_SIZE`; `{field}` is the file field name. */
  readonly multerFileTooLarge: string;
  /** multer `LIMIT_FIELD_VALUE`; `{field}` is the field name. */
  readonly multerFieldValueTooLong: string;
  /** multer `LIMIT_UNEXPECTED_FILE`; `{field}` is the file field name. */
  readonly multerUnexpectedFile: string;
  /** multer `LIMIT_FIELD_NESTING`, `LIMIT_FIELD_ARRAY_INDEX`, `INVALID_FIELD_NAME`; `{field}`. */
  readonly multerInvalidFieldName: string;
  /** multer `LIMIT_FILE_COUNT`. */
  readonly multerTooManyFiles: string;
  /** multer `LIMIT_FIELD_COUNT`. */
  readonly multerTooManyFields: string;
  /** multer `LIMIT_PART_COUNT`. */
  readonly multerTooManyParts: string;
  /** multer `LIMIT_FIELD_KEY`. */
  readonly multerFieldNameTooLong: string;
  /** multer `MISSING_FIELD_NAME`. */
  readonly multerMissingFieldName: string;
  /** busboy's malformed-form errors (`Unexpected end of form`, ...). */
  readonly multerMalformedForm: string;
  /** A validator says a required value is missing (joi `any.required`). */
  readonly validatorRequired: string;
  /** csrf-csrf and csurf `EBADCSRFTOKEN`. */
  readonly csrfInvalidToken: string;

  // Databases and upstream services (the interop readers for ORMs, SQL drivers, fetch, axios, got).
  /** A unique violation (Prisma P2002, MongoDB E11000, SQL 23505 / 1062): the record's values clash with another's. */
  readonly dbUniqueViolation: string;
  /** One item of a unique violation: this field's value is another record's already. */
  readonly dbUniqueField: string;
  /** A foreign-key or required-relation violation: a missing related record, or one still needed. */
  readonly dbRelationConflict: string;
  /** An optimistic-concurrency conflict (Mongoose VersionError): the record changed meanwhile. */
  readonly dbVersionConflict: string;
  /** A 422 whose items list the values the data layer refused. */
  readonly dbInvalidValues: string;
  /** One item: a required value is missing. */
  readonly dbRequired: string;
  /** One item: the value does not cast to the field's type. */
  readonly dbWrongType: string;
  /** One item: the value is longer than its column allows (Prisma P2000). */
  readonly dbTooLong: string;
  /** Mongoose CastError (often an id in the URL); `{path}` is the field. */
  readonly dbCast: string;
  /** 502: an upstream service refused, reset or could not be found. */
  readonly upstreamUnreachable: string;

  // Localisation: zod's dates, exact lengths and file sizes.
  /** zod `too_small` on a date at midnight UTC; `{minimum}` is that date. */
  readonly zodDateTooEarly: string;
  /** zod `too_big` on a date at midnight UTC; `{maximum}` is that date. */
  readonly zodDateTooLate: string;
  /** zod `too_small` on a date with a time of day; `{minimum}`, to the minute. */
  readonly zodDateTimeTooEarly: string;
  /** zod `too_big` on a date with a time of day; `{maximum}`, to the minute. */
  readonly zodDateTimeTooLate: string;
  /** zod `length()` on a string; `{length}` characters, a count. */
  readonly zodExactLength: string;
  /** zod `length()` on an array or set; `{length}` items, a count. */
  readonly zodExactItems: string;
  /** zod `too_big` on a file; `{maximum}` bytes, a count. */
  readonly zodFileTooLarge: string;
  /** zod `too_small` on a file; `{minimum}` bytes, a count. */
  readonly zodFileTooSmall: string;
}

/** The name of a built-in phrase that is a plain string (not a title + description pair). */
export type PhraseKey = { [K in keyof Phrases]: Phrases[K] extends string ? K : never }[keyof Phrases];

/**
 * One language's complete catalog. Every status is required: a language file that
 * misses one does not compile.
 */
export interface Catalog {
  readonly statuses: { readonly [S in ErrorStatus]: CatalogEntry };
  readonly phrases: Phrases;
}
