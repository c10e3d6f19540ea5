/**
 * One class per registered 4xx and 5xx status. Each is a real named class: import it,
 * throw it, narrow with `instanceof`, extend it. Constructor arguments and properties
 * come from the status table (`status.ts`).
 */
import { defineError } from './http-error';

/** 400 Bad Request (RFC 9110 §15.5.1): the request is malformed or invalid. */
export class BadRequest extends defineError(400) {}
/** 401 Unauthorized (RFC 9110 §15.5.2): credentials are missing or wrong; the challenge becomes `WWW-Authenticate`. */
export class Unauthorized extends defineError(401) {}
/** 402 Payment Required (RFC 9110 §15.5.3): reserved; used by APIs for billing limits. */
export class PaymentRequired extends defineError(402) {}
/** 403 Forbidden (RFC 9110 §15.5.4): the client is known but may not do this. */
export class Forbidden extends defineError(403) {}
/** 404 Not Found (RFC 9110 §15.5.5): no such resource (or the server will not say it exists). */
export class NotFound extends defineError(404) {}
/** 405 Method Not Allowed (RFC 9110 §15.5.6): the resource exists but not for this method; the list becomes `Allow`. */
export class MethodNotAllowed extends defineError(405) {}
/** 406 Not Acceptable (RFC 9110 §15.5.7): no representation matches the request's `Accept*` headers. */
export class NotAcceptable extends defineError(406) {}
/** 407 Proxy Authentication Required (RFC 9110 §15.5.8): the challenge becomes `Proxy-Authenticate`. */
export class ProxyAuthenticationRequired extends defineError(407) {}
/** 408 Request Timeout (RFC 9110 §15.5.9): the request did not arrive in time; the connection is closed. */
export class RequestTimeout extends defineError(408) {}
/** 409 Conflict (RFC 9110 §15.5.10): the request conflicts with the resource's current state. */
export class Conflict extends defineError(409) {}
/** 410 Gone (RFC 9110 §15.5.11): the resource was removed for good. */
export class Gone extends defineError(410) {}
/** 411 Length Required (RFC 9110 §15.5.12): the request needs a `Content-Length`. */
export class LengthRequired extends defineError(411) {}
/** 412 Precondition Failed (RFC 9110 §15.5.13): an `If-*` condition did not hold. */
export class PreconditionFailed extends defineError(412) {}
/** 413 Content Too Large (RFC 9110 §15.5.14), http-errors' `PayloadTooLarge`; an optional `Retry-After`. */
export class PayloadTooLarge extends defineError(413) {}
/** 414 URI Too Long (RFC 9110 §15.5.15). */
export class URITooLong extends defineError(414) {}
/** 415 Unsupported Media Type (RFC 9110 §15.5.16): the body's format or encoding is not supported. */
export class UnsupportedMediaType extends defineError(415) {}
/** 416 Range Not Satisfiable (RFC 9110 §15.5.17): the resource's length becomes `Content-Range: bytes *\/length`. */
export class RangeNotSatisfiable extends defineError(416) {}
/** 417 Expectation Failed (RFC 9110 §15.5.18): the `Expect` header cannot be met. */
export class ExpectationFailed extends defineError(417) {}
/** 418 I'm a teapot (RFC 2324 §2.3.2): the server refuses to brew coffee. */
export class ImATeapot extends defineError(418) {}
/** 421 Misdirected Request (RFC 9110 §15.5.20): this server cannot answer for the request's authority. */
export class MisdirectedRequest extends defineError(421) {}
/** 422 Unprocessable Content (RFC 9110 §15.5.21), http-errors' `UnprocessableEntity`: well-formed but invalid content. */
export class UnprocessableEntity extends defineError(422) {}
/** 423 Locked (RFC 4918 §11.3): the resource is locked. */
export class Locked extends defineError(423) {}
/** 424 Failed Dependency (RFC 4918 §11.4): a request this one depends on failed. */
export class FailedDependency extends defineError(424) {}
/** 425 Too Early (RFC 8470 §5.2): the server will not risk a request that might be replayed. */
export class TooEarly extends defineError(425) {}
/** 426 Upgrade Required (RFC 9110 §15.5.22): the protocols become `Upgrade` (with `Connection: Upgrade` on HTTP/1.x). */
export class UpgradeRequired extends defineError(426) {}
/** 428 Precondition Required (RFC 6585 §3): the request must be conditional. */
export class PreconditionRequired extends defineError(428) {}
/** 429 Too Many Requests (RFC 6585 §4): rate limited; an optional `Retry-After`. */
export class TooManyRequests extends defineError(429) {}
/** 431 Request Header Fields Too Large (RFC 6585 §5). */
export class RequestHeaderFieldsTooLarge extends defineError(431) {}
/** 451 Unavailable For Legal Reasons (RFC 7725 §3): an optional URI of who demanded it becomes `Link: <uri>; rel="blocked-by"`. */
export class UnavailableForLegalReasons extends defineError(451) {}
/** 500 Internal Server Error (RFC 9110 §15.6.1): an unexpected failure; its message is never sent. */
export class InternalServerError extends defineError(500) {}
/** 501 Not Implemented (RFC 9110 §15.6.2): the server does not support the functionality required. */
export class NotImplemented extends defineError(501) {}
/** 502 Bad Gateway (RFC 9110 §15.6.3): an upstream server answered with something invalid. */
export class BadGateway extends defineError(502) {}
/** 503 Service Unavailable (RFC 9110 §15.6.4): overloaded or in maintenance; an optional `Retry-After`. */
export class ServiceUnavailable extends defineError(503) {}
/** 504 Gateway Timeout (RFC 9110 §15.6.5): an upstream server did not answer in time. */
export class GatewayTimeout extends defineError(504) {}
/** 505 HTTP Version Not Supported (RFC 9110 §15.6.6). */
export class HTTPVersionNotSupported extends defineError(505) {}
/** 506 Variant Also Negotiates (RFC 2295 §8.1): transparent content negotiation is misconfigured. */
export class VariantAlsoNegotiates extends defineError(506) {}
/** 507 Insufficient Storage (RFC 4918 §11.5). */
export class InsufficientStorage extends defineError(507) {}
/** 508 Loop Detected (RFC 5842 §7.2). */
export class LoopDetected extends defineError(508) {}
/**
 * 510 Not Extended (RFC 2774 §7).
 * @deprecated RFC 2774 is historic (obsoleted); kept because servers still send it.
 */
export class NotExtended extends defineError(510) {}
/** 511 Network Authentication Required (RFC 6585 §6): a captive portal wants the user to sign in. */
export class NetworkAuthenticationRequired extends defineError(511) {}

/** 413 under its RFC 9110 name: the same class as {@link PayloadTooLarge}. */
export const ContentTooLarge = PayloadTooLarge;
/** 413 under its RFC 9110 name: the same class as {@link PayloadTooLarge}. */
export type ContentTooLarge = PayloadTooLarge;
/** 422 under its RFC 9110 name: the same class as {@link UnprocessableEntity}. */
export const UnprocessableContent = UnprocessableEntity;
/** 422 under its RFC 9110 name: the same class as {@link UnprocessableEntity}. */
export type UnprocessableContent = UnprocessableEntity;
