/**
 * The JSON text of a problem body. It never throws and never exceeds {@link MAX_BODY_LENGTH};
 * the members that are fixed per status and language (`type`, `title`, `status` and the
 * default `detail`) are serialised once instead of per response.
 */
import { KEPT_MEMBERS, RFC_MEMBERS } from '../core/members';
import type { Catalog } from '../i18n/locales/types';
import { entryFor } from './problem';
import type { ProblemDocument } from './problem';
import { toData } from './walk';

/** Largest body, in UTF-16 units of its JSON: beyond it extension members, then `errors`, are left out. */
export const MAX_BODY_LENGTH = 65536;

/**
 * JSON text of a problem document. Never throws: a member JSON cannot hold (a circular,
 * BigInt or throwing one) is replaced rather than losing the response.
 */
export function serializeProblem(body: ProblemDocument): string {
  let text: string;
  try {
    text = JSON.stringify(body);
  } catch {
    text = JSON.stringify(toData(body));
  }
  return text.length <= MAX_BODY_LENGTH ? text : serializeTrimmed(body);
}

// An oversized body keeps its standard members: extensions go first, then `errors`.
function serializeTrimmed(body: ProblemDocument): string {
  const kept: Record<string, unknown> = {};
  for (const name of KEPT_MEMBERS) {
    if (body[name] !== undefined) kept[name] = toData(body[name]);
  }
  const text = JSON.stringify(kept);
  if (text.length <= MAX_BODY_LENGTH) return text;
  delete kept.errors;
  return JSON.stringify(kept);
}

interface Prepared {
  readonly title: string;
  readonly detail: string;
  /** `{"type":"about:blank","title":...,"status":503,"detail":` */
  readonly head: string;
  /** The JSON of the default `detail`. */
  readonly detailJson: string;
}

// Bounded by the statuses (400..599) per catalog, and weak on catalogs: it never grows with requests.
const cache = new WeakMap<Catalog, Map<number, Prepared>>();

/**
 * The JSON of a problem body answered from `catalog`: the same text as `serializeProblem`,
 * with the parts fixed per status and catalog prepared once. A body that is not exactly
 * `toProblem`'s plain form (extensions, `errors`, debug members, another title or type)
 * goes to `serializeProblem`.
 */
export function serializeProblemFor(body: ProblemDocument, catalog: Catalog): string {
  try {
    if (isPlain(body)) {
      const entry = prepared(catalog, body.status);
      // The head holds the catalog's title and `about:blank`: any other body is not plain.
      if (body.type === 'about:blank' && body.title === entry.title) {
        const detail = body.detail === entry.detail ? entry.detailJson : JSON.stringify(body.detail);
        return body.instance === undefined ? `${entry.head}${detail}}` : `${entry.head}${detail},"instance":${JSON.stringify(body.instance)}}`;
      }
    }
  } catch {
    // A hostile body (throwing getter, proxy) or catalog is serializeProblem's to handle.
  }
  return serializeProblem(body);
}

function prepared(catalog: Catalog, status: number): Prepared {
  let byStatus = cache.get(catalog);
  if (byStatus === undefined) {
    byStatus = new Map();
    cache.set(catalog, byStatus);
  }
  let entry = byStatus.get(status);
  if (entry === undefined) {
    const { title, detail } = entryFor(catalog, status);
    entry = { title, detail, head: `{"type":"about:blank","title":${JSON.stringify(title)},"status":${status},"detail":`, detailJson: JSON.stringify(detail) };
    byStatus.set(status, entry);
  }
  return entry;
}

// Exactly the standard members with string values (`instance` optional), in toProblem's
// order, and an error status: then the prepared parts give the same text as JSON.stringify.
function isPlain(body: ProblemDocument): boolean {
  let index = 0;
  for (const name in body) {
    if (name !== RFC_MEMBERS[index]) return false;
    index++;
  }
  const { status } = body;
  return (
    (index === 4 || (index === 5 && typeof body.instance === 'string')) &&
    typeof body.title === 'string' &&
    typeof body.detail === 'string' &&
    Number.isInteger(status) &&
    status >= 400 &&
    status <= 599
  );
}
