/**
 * The one walk that turns a value the app handed us (extension members, `errors` items)
 * into plain JSON data that is safe to send: own enumerable data only, no functions, no
 * `toJSON` calls, no `__proto__` at any depth, each getter read once, and every limit
 * applied while walking, so a huge or hostile value never costs more than the limits.
 */

/** The limits of one walk, named so that the docs and tests can state them. */
export const WALK_LIMITS = {
  /** Longest string kept; a longer one is cut and ends in `…`. */
  string: 8192,
  /** Deepest nesting kept; anything deeper becomes `'[Truncated]'`. */
  depth: 16,
  /** Values read in one problem body, all members together; past it the rest is left out. */
  values: 10_000,
} as const;

/** What one problem body may still read; shared by every member walked for it. */
export interface WalkBudget {
  values: number;
}

/** A fresh budget for one problem body. */
export function walkBudget(): WalkBudget {
  return { values: WALK_LIMITS.values };
}

const CIRCULAR = '[Circular]';
const TRUNCATED = '[Truncated]';
const UNREADABLE = '[Unserializable]';

/** A string cut to {@link WALK_LIMITS}.string characters, ending in `…` when it was longer. */
export function capString(value: string): string {
  return value.length > WALK_LIMITS.string ? `${value.slice(0, WALK_LIMITS.string - 1)}…` : value;
}

/**
 * `value` as JSON data: strings capped, BigInt as its digits, a `Date` as its ISO time,
 * arrays and objects rebuilt from their own enumerable members. Functions, symbols and
 * `undefined` give `undefined` (left out of an object, `null` in an array, as JSON does).
 * Never throws: an unreadable value becomes `'[Unserializable]'`.
 */
export function toData(value: unknown, budget: WalkBudget = walkBudget()): unknown {
  return walk(value, budget, new Set(), 0);
}

function walk(value: unknown, budget: WalkBudget, path: Set<object>, depth: number): unknown {
  budget.values--;
  switch (typeof value) {
    case 'string':
      return capString(value);
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'object':
      break;
    default:
      return undefined;
  }
  if (value === null) return null;
  if (path.has(value)) return CIRCULAR;
  if (depth >= WALK_LIMITS.depth) return TRUNCATED;
  path.add(value);
  try {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
    if (Array.isArray(value)) return walkArray(value, budget, path, depth);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (budget.values <= 0) break;
      // `__proto__` would set the copy's prototype instead of adding a member.
      if (key === '__proto__') continue;
      let member: unknown;
      try {
        member = walk((value as Record<string, unknown>)[key], budget, path, depth + 1);
      } catch {
        member = UNREADABLE;
      }
      if (member !== undefined) out[key] = member;
    }
    return out;
  } catch {
    return UNREADABLE;
  } finally {
    path.delete(value);
  }
}

// Bounded by the budget, not by `length`: a sparse `new Array(5e7)` costs what it sends.
function walkArray(value: readonly unknown[], budget: WalkBudget, path: Set<object>, depth: number): unknown[] {
  const out: unknown[] = [];
  const length = value.length;
  for (let index = 0; index < length && budget.values > 0; index++) {
    let item: unknown;
    try {
      item = walk(value[index], budget, path, depth + 1);
    } catch {
      item = UNREADABLE;
    }
    out.push(item === undefined ? null : item);
  }
  return out;
}
