/**
 * Strict mode: the RFC rules an error response must meet, checked just before it is
 * sent. A handful of lookups per response: cheap enough to leave on in development.
 */
import { specOf } from '../core/headers';
import { fieldNamed } from '../core/headers/field';
import { STANDARD_MEMBERS } from '../core/members';
import { isUriReference } from '../core/uri';
import { ERROR_STATUSES } from '../core/status';

/** Which rule a response broke. */
export type StrictRule = 'missing-header' | 'method-status' | 'status-mismatch' | 'type-not-uri' | 'instance-not-uri' | 'extension-name' | 'undeclared-status' | 'item-detail';

/** One broken rule, with a sentence saying what to fix. */
export interface StrictViolation {
  readonly rule: StrictRule;
  readonly message: string;
}

/** The response as strict mode sees it, just before it is sent. */
export interface CheckedResponse {
  readonly method: string;
  /** The status that goes out: the response's own, once set. */
  readonly status: number;
  /** The value the response will carry for a header (any case), or `undefined`. */
  readonly header: (name: string) => unknown;
  /** The problem document as it goes out: the JSON text read back, or what a renderer was given. */
  readonly body: Readonly<Record<string, unknown>> | undefined;
  /**
   * The statuses the matched route documents (declared with `throws()`, or produced by
   * middleware it is known to run), when it declares any; `undefined` checks nothing.
   */
  readonly documented?: ReadonlySet<number> | undefined;
}

/**
 * Thrown by `errorHandler({ strict: 'throw' })` instead of sending a response that breaks
 * an RFC rule; Express passes it on to the next error handler (its own answers 500).
 * Meant for tests: the violations say what to fix.
 */
export class StrictViolationError extends Error {
  /** What was wrong with the response. */
  readonly violations: readonly StrictViolation[];

  /** `cause` is the error whose response broke the rules. */
  constructor(violations: readonly StrictViolation[], options?: { readonly cause?: unknown }) {
    super(`errorHandler strict mode: ${violations.map((violation) => violation.message).join('; ')}`, options);
    this.name = 'StrictViolationError';
    this.violations = violations;
  }
}

// The statuses whose RFC says MUST send a header: their header contract's spec says so.
const REQUIRED_HEADERS = new Map<number, string>();
for (const status of ERROR_STATUSES) {
  const spec = specOf(status);
  if (spec?.required === true) REQUIRED_HEADERS.set(status, spec.header);
}
// RFC 9457 §3.2: extension names start with a letter, use letters, digits and `_`, at least three characters.
const EXTENSION_NAME = /^[A-Za-z][A-Za-z0-9_]{2,}$/;

/** The RFC rules the response breaks; empty when it is correct. */
export function checkResponse(response: CheckedResponse): StrictViolation[] {
  const violations: StrictViolation[] = [];
  const { status, method, body } = response;
  const required = REQUIRED_HEADERS.get(status);
  if (required !== undefined && !hasValue(required, response.header(required))) {
    violations.push({ rule: 'missing-header', message: `${status} is sent without the ${required} header its RFC requires` });
  }
  // RFC 9110 §9.1: every general-purpose server supports GET and HEAD.
  if ((status === 405 || status === 501) && (method === 'GET' || method === 'HEAD')) {
    violations.push({ rule: 'method-status', message: `${status} is sent to ${method}, which every server must support` });
  }
  if (body !== undefined) {
    if (body.status !== status) {
      violations.push({ rule: 'status-mismatch', message: `the body says status ${String(body.status)} but the response is ${status}` });
    }
    if (!isUriReference(body.type)) {
      violations.push({ rule: 'type-not-uri', message: `type ${JSON.stringify(body.type) ?? 'undefined'} is not a URI reference` });
    }
    if (body.instance !== undefined && !isUriReference(body.instance)) {
      violations.push({ rule: 'instance-not-uri', message: `instance ${JSON.stringify(body.instance) ?? 'undefined'} is not a URI reference` });
    }
    for (const name of Object.keys(body)) {
      if (!STANDARD_MEMBERS.has(name) && !EXTENSION_NAME.test(name)) {
        violations.push({ rule: 'extension-name', message: `extension member ${JSON.stringify(name)} should match ${EXTENSION_NAME.source} (RFC 9457 §3.2)` });
      }
    }
    const without = itemsWithoutDetail(body.errors);
    if (without.length > 0) {
      violations.push({ rule: 'item-detail', message: `errors item${without.length > 1 ? 's' : ''} ${without.join(', ')} ha${without.length > 1 ? 've' : 's'} no detail saying what is wrong` });
    }
  }
  // 500 is every route's: whatever it declares, it may fail.
  if (response.documented !== undefined && status !== 500 && !response.documented.has(status)) {
    violations.push({ rule: 'undeclared-status', message: `${status} is not among the statuses the route documents (${[...response.documented].sort().join(', ')}); add it to throws()` });
  }
  return violations;
}

// Every item says what is wrong: a client shows `detail` next to the field it points to.
function itemsWithoutDetail(errors: unknown): number[] {
  if (!Array.isArray(errors)) return [];
  const indexes: number[] = [];
  errors.forEach((item: unknown, index) => {
    const detail = typeof item === 'object' && item !== null ? (item as { detail?: unknown }).detail : undefined;
    if (typeof detail !== 'string' || detail.trim() === '') indexes.push(index);
  });
  return indexes;
}

/**
 * The header lookup of {@link CheckedResponse} for a response about to be written: the
 * error's headers win, then what the route already set, except the fields that are removed.
 */
export function headerLookup(
  own: Readonly<Record<string, string>>,
  current: (name: string) => unknown,
  removed: readonly string[],
): (name: string) => unknown {
  return (name) => {
    const key = fieldNamed(own, name);
    if (key !== undefined) return own[key];
    const lower = name.toLowerCase();
    return removed.some((field) => field.toLowerCase() === lower) ? undefined : current(name);
  };
}

function hasValue(name: string, value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  // An empty Allow is valid (no method is allowed); an empty challenge or protocol list is not.
  return typeof value === 'number' || (typeof value === 'string' && (value.trim() !== '' || name === 'Allow'));
}
