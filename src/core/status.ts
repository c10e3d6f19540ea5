/**
 * The status table: one row per IANA-registered 4xx and 5xx status code.
 *
 * Everything else (the classes, their constructor signatures, the headers a status
 * carries, the English titles, the locale catalogs' keys) is derived from this table, so adding a status is
 * a one-line change here, one in {@link STATUS_REFERENCES} and one entry per catalog.
 * How a header is written, read back and documented is its spec's (`./headers`).
 */

/** How a status's required or customary header is filled from its constructor's first argument. */
export type HeaderContract =
  | 'retry-after'
  | 'allow'
  | 'www-authenticate'
  | 'proxy-authenticate'
  | 'upgrade'
  | 'content-range'
  | 'blocked-by';

interface StatusRow {
  /** Class name as http-errors spells it, without the `Error` suffix. */
  readonly className: string;
  /**
   * The RFC reason phrase, in English, where it is not the class name's words: `NotFound` reads
   * `Not Found`, but 413's class keeps http-errors' `PayloadTooLarge` for `Content Too Large`.
   * Read it through {@link titleOf}; it is the English catalog's title.
   */
  readonly title?: string;
  /** The header this status carries, filled from the constructor's first argument; its spec says whether it is required. */
  readonly header?: HeaderContract;
  /** A 4xx whose responses must not be stored by caches (`Cache-Control: no-store`); no 5xx ever is, so none says it. */
  readonly noStore?: boolean;
}

/**
 * The status table itself, keyed by code. Read it through the derived types and helpers
 * (`ErrorStatus`, `statusRow`, `ERROR_STATUSES`) rather than by hand.
 */
export const STATUSES = {
  400: { className: 'BadRequest' },
  401: { className: 'Unauthorized', header: 'www-authenticate' },
  402: { className: 'PaymentRequired' },
  403: { className: 'Forbidden' },
  404: { className: 'NotFound' },
  405: { className: 'MethodNotAllowed', header: 'allow' },
  406: { className: 'NotAcceptable' },
  407: { className: 'ProxyAuthenticationRequired', header: 'proxy-authenticate' },
  408: { className: 'RequestTimeout', noStore: true },
  409: { className: 'Conflict' },
  410: { className: 'Gone' },
  411: { className: 'LengthRequired' },
  412: { className: 'PreconditionFailed' },
  413: { className: 'PayloadTooLarge', title: 'Content Too Large', header: 'retry-after' },
  414: { className: 'URITooLong' },
  415: { className: 'UnsupportedMediaType' },
  416: { className: 'RangeNotSatisfiable', header: 'content-range' },
  417: { className: 'ExpectationFailed' },
  418: { className: 'ImATeapot', title: "I'm a teapot" },
  421: { className: 'MisdirectedRequest' },
  422: { className: 'UnprocessableEntity', title: 'Unprocessable Content' },
  423: { className: 'Locked' },
  424: { className: 'FailedDependency' },
  425: { className: 'TooEarly', noStore: true },
  426: { className: 'UpgradeRequired', header: 'upgrade' },
  428: { className: 'PreconditionRequired' },
  429: { className: 'TooManyRequests', header: 'retry-after', noStore: true },
  431: { className: 'RequestHeaderFieldsTooLarge' },
  451: { className: 'UnavailableForLegalReasons', header: 'blocked-by' },
  500: { className: 'InternalServerError' },
  501: { className: 'NotImplemented' },
  502: { className: 'BadGateway' },
  503: { className: 'ServiceUnavailable', header: 'retry-after' },
  504: { className: 'GatewayTimeout' },
  505: { className: 'HTTPVersionNotSupported' },
  506: { className: 'VariantAlsoNegotiates' },
  507: { className: 'InsufficientStorage' },
  508: { className: 'LoopDetected' },
  510: { className: 'NotExtended' },
  511: { className: 'NetworkAuthenticationRequired' },
} as const satisfies Readonly<Record<number, StatusRow>>;

/** How the published contract names and cites a status. */
interface StatusReference {
  /** Stable kebab-case identifier, used for problem `type` URIs. */
  readonly slug: string;
  /** Where the status is defined. */
  readonly spec: string;
}

/**
 * The contract's columns of the status table, one row per status: only the schema and
 * problem types read them, so they sit apart and a browser bundle of the classes leaves
 * them out. A status missing here is a compile error.
 */
export const STATUS_REFERENCES = {
  400: { slug: 'bad-request', spec: 'RFC 9110 §15.5.1' },
  401: { slug: 'unauthorized', spec: 'RFC 9110 §15.5.2' },
  402: { slug: 'payment-required', spec: 'RFC 9110 §15.5.3' },
  403: { slug: 'forbidden', spec: 'RFC 9110 §15.5.4' },
  404: { slug: 'not-found', spec: 'RFC 9110 §15.5.5' },
  405: { slug: 'method-not-allowed', spec: 'RFC 9110 §15.5.6' },
  406: { slug: 'not-acceptable', spec: 'RFC 9110 §15.5.7' },
  407: { slug: 'proxy-authentication-required', spec: 'RFC 9110 §15.5.8' },
  408: { slug: 'request-timeout', spec: 'RFC 9110 §15.5.9' },
  409: { slug: 'conflict', spec: 'RFC 9110 §15.5.10' },
  410: { slug: 'gone', spec: 'RFC 9110 §15.5.11' },
  411: { slug: 'length-required', spec: 'RFC 9110 §15.5.12' },
  412: { slug: 'precondition-failed', spec: 'RFC 9110 §15.5.13' },
  413: { slug: 'content-too-large', spec: 'RFC 9110 §15.5.14' },
  414: { slug: 'uri-too-long', spec: 'RFC 9110 §15.5.15' },
  415: { slug: 'unsupported-media-type', spec: 'RFC 9110 §15.5.16' },
  416: { slug: 'range-not-satisfiable', spec: 'RFC 9110 §15.5.17' },
  417: { slug: 'expectation-failed', spec: 'RFC 9110 §15.5.18' },
  418: { slug: 'im-a-teapot', spec: 'RFC 2324 §2.3.2' },
  421: { slug: 'misdirected-request', spec: 'RFC 9110 §15.5.20' },
  422: { slug: 'unprocessable-content', spec: 'RFC 9110 §15.5.21' },
  423: { slug: 'locked', spec: 'RFC 4918 §11.3' },
  424: { slug: 'failed-dependency', spec: 'RFC 4918 §11.4' },
  425: { slug: 'too-early', spec: 'RFC 8470 §5.2' },
  426: { slug: 'upgrade-required', spec: 'RFC 9110 §15.5.22' },
  428: { slug: 'precondition-required', spec: 'RFC 6585 §3' },
  429: { slug: 'too-many-requests', spec: 'RFC 6585 §4' },
  431: { slug: 'request-header-fields-too-large', spec: 'RFC 6585 §5' },
  451: { slug: 'unavailable-for-legal-reasons', spec: 'RFC 7725 §3' },
  500: { slug: 'internal-server-error', spec: 'RFC 9110 §15.6.1' },
  501: { slug: 'not-implemented', spec: 'RFC 9110 §15.6.2' },
  502: { slug: 'bad-gateway', spec: 'RFC 9110 §15.6.3' },
  503: { slug: 'service-unavailable', spec: 'RFC 9110 §15.6.4' },
  504: { slug: 'gateway-timeout', spec: 'RFC 9110 §15.6.5' },
  505: { slug: 'http-version-not-supported', spec: 'RFC 9110 §15.6.6' },
  506: { slug: 'variant-also-negotiates', spec: 'RFC 2295 §8.1' },
  507: { slug: 'insufficient-storage', spec: 'RFC 4918 §11.5' },
  508: { slug: 'loop-detected', spec: 'RFC 5842 §7.2' },
  510: { slug: 'not-extended', spec: 'RFC 2774 §7 (historic)' },
  511: { slug: 'network-authentication-required', spec: 'RFC 6585 §6' },
} as const satisfies { readonly [S in keyof typeof STATUSES]: StatusReference };

type Table = typeof STATUSES;

/** Every status code that has a class. */
export type ErrorStatus = keyof Table;
/** The 4xx codes that have a class. */
export type ClientErrorStatus = { [S in ErrorStatus]: `${S}` extends `4${string}` ? S : never }[ErrorStatus];
/** The 5xx codes that have a class. */
export type ServerErrorStatus = Exclude<ErrorStatus, ClientErrorStatus>;
/** The class name of a status, as written in the table. */
export type ClassNameOf<S extends ErrorStatus> = Table[S]['className'];
/** The header contract of a status, or `never` when it has none. */
export type ContractOf<S extends ErrorStatus> = Table[S] extends { readonly header: infer H extends HeaderContract } ? H : never;

/** Every registered status code, ascending. Built once from the table. */
export const ERROR_STATUSES: readonly ErrorStatus[] = /* @__PURE__ */ codesOf(STATUSES);

// A function call a bundler may drop when nothing reads the list (a browser bundle of the classes).
function codesOf(table: object): ErrorStatus[] {
  return Object.keys(table).map(Number) as ErrorStatus[];
}

const rows: Readonly<Record<number, StatusRow | undefined>> = STATUSES;

/** The table row of a status, or `undefined` for an unregistered code. */
export function statusRow(status: number): StatusRow | undefined {
  return rows[status];
}

/** The English titles of unregistered codes (499, 599), by class; the English catalog uses them too. */
export const FAMILY_TITLES = { client: 'Client Error', server: 'Server Error' } as const;

const titles: Record<number, string> = {};

/** The English title of any error status: its reason phrase, or its family's. */
export function titleOf(status: number): string {
  const row = rows[status];
  if (row === undefined) return status >= 500 ? FAMILY_TITLES.server : FAMILY_TITLES.client;
  // The class name's words, `URITooLong` reading `URI Too Long`, unless the row gives the phrase;
  // spelled out once per status, as errors are made on the hot path.
  return (titles[status] ??= row.title ?? row.className.replace(/([a-z])(?=[A-Z])|([A-Z])(?=[A-Z][a-z])/g, '$1$2 '));
}

/** True for a registered 4xx or 5xx code. */
export function isErrorStatus(status: unknown): status is ErrorStatus {
  return typeof status === 'number' && rows[status] !== undefined;
}

/** True for any integer in 400..599, registered or not: the range an error response may use. */
export function isErrorRange(status: unknown): status is number {
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599;
}
