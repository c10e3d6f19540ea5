/**
 * What `notFound()` answers, decided from facts alone: no request, no router, no Express.
 * The facts come from the walk of the app (`./walk`); the table test in
 * `test/not-found/decide.test.ts` reads as the specification.
 */

/** What one path allows, as the walk found it. */
export interface PathFacts {
  /** Exactly the methods of the path's routes; `undefined` when it has none or they cannot all be known. */
  readonly allowed: ReadonlySet<string> | undefined;
  /** `Allow` for {@link PathFacts.allowed}, made once. */
  readonly allow: string;
  /** Whether some route matches the path, even where its methods cannot all be known. */
  readonly routed: boolean;
}

/** What the whole app implements. */
export interface AppFacts {
  /** Every method some route implements. */
  readonly methods: ReadonlySet<string>;
  /** Whether some layer may answer methods no route shows, so that no method is known to be unimplemented. */
  readonly opaque: boolean;
}

/** What `notFound()` knows of the request in front of it. */
export interface RequestFacts {
  readonly method: string;
  /** The app, when its router could be read. */
  readonly app: AppFacts | undefined;
  /** The request's path, when its facts could be read and belong to this request. */
  readonly path: PathFacts | undefined;
  /** Whether the app is the whole server, so that a method none of its routes has is a 501. */
  readonly whole: boolean;
}

/** What the request gets. */
export type Answer =
  | { readonly kind: 'options'; readonly allow: string }
  | { readonly kind: 'pass' }
  | { readonly kind: 'not-implemented' }
  | { readonly kind: 'method-not-allowed'; readonly allow: string }
  | { readonly kind: 'not-found' };

/** An answer that raises no error: the one the `OPTIONS` companion can give. */
export type Reply = Extract<Answer, { readonly kind: 'options' | 'pass' }>;

/** The options of `notFound()` that change the answer. */
export interface DecideOptions {
  readonly methodNotAllowed: boolean;
  readonly notImplemented: boolean;
  readonly methodNotAllowedForGet: boolean;
}

const PASS: Reply = { kind: 'pass' };
const NOT_FOUND: Answer = { kind: 'not-found' };
const NOT_IMPLEMENTED: Answer = { kind: 'not-implemented' };
// RFC 9110 §9.1: every general-purpose server supports GET and HEAD.
const ALWAYS_ALLOWED = new Set(['GET', 'HEAD']);

/** The answer of `notFound()` itself, the last regular middleware. */
export function decide(facts: RequestFacts, options: DecideOptions): Answer {
  const { method, app, path } = facts;
  const allowed = path?.allowed;
  if (method === 'OPTIONS' && app !== undefined) {
    // Express answers OPTIONS itself when no route does; with our Allow list, as 204.
    if (allowed !== undefined && !allowed.has('OPTIONS')) return { kind: 'options', allow: (path as PathFacts).allow };
    // Routes match but not all their methods can be known, or the app around us may have
    // some: Express's router answers, as by default.
    if (path === undefined || (allowed === undefined && path.routed)) return PASS;
  }
  if (options.notImplemented && facts.whole && app !== undefined && !ALWAYS_ALLOWED.has(method) && method !== 'OPTIONS' && !app.opaque && !app.methods.has(method)) {
    return NOT_IMPLEMENTED;
  }
  if (options.methodNotAllowed && allowed !== undefined && !allowed.has(method) && (options.methodNotAllowedForGet || !ALWAYS_ALLOWED.has(method))) {
    return { kind: 'method-not-allowed', allow: (path as PathFacts).allow };
  }
  return NOT_FOUND;
}

/** What the `OPTIONS` companion (`answerOptions`) knows of the request in front of it. */
export interface CompanionFacts {
  readonly method: string;
  /** Whether the request is a CORS one (`Origin` or `Access-Control-Request-Method`). */
  readonly cors: boolean;
  /** The path's facts, when the companion sits at the root of the whole app and could read them. */
  readonly path: PathFacts | undefined;
}

/** The answer of the companion: a 204 for an `OPTIONS` it can answer exactly, else pass on. */
export function decideCompanion(facts: CompanionFacts): Reply {
  // A CORS request (preflight or not) is for cors() or the app to answer, wherever it is mounted.
  if (facts.method !== 'OPTIONS' || facts.cors) return PASS;
  const allowed = facts.path?.allowed;
  return allowed !== undefined && !allowed.has('OPTIONS') ? { kind: 'options', allow: (facts.path as PathFacts).allow } : PASS;
}
