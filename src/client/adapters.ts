/**
 * The typed error thrown from the HTTP clients people use: fetch, ky and axios. None of
 * them is imported: each adapter reads the few properties its client documents.
 */
import type { HttpError } from '../core/http-error';
import type { retryAfterMs } from './retry';
import { parseProblem } from './parse-problem';

/**
 * `fetch()` that throws: an error response (400..599) is thrown as the class of its status
 * (`NotFound`, `TooManyRequests` with `retryAfter`, ...) read by `parseProblem()`, or as an
 * `UnknownProblem` when its body is not a problem document; any other response is returned.
 * A network failure rejects as fetch does.
 *
 * @example
 * try {
 *   const res = await fetchProblem('/api/report');
 *   show(await res.json());
 * } catch (error) {
 *   if (error instanceof TooManyRequests) wait(error.retryAfter);
 * }
 */
export async function fetchProblem(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  if (response.status >= 400) throw withCause(await parseProblem(response), undefined, response);
  return response;
}

/** What ky hands its `beforeError` hooks: its `HTTPError`, with the response. */
export interface KyErrorLike {
  readonly name: string;
  readonly response: { readonly status: number; readonly headers: { get(name: string): string | null }; text(): Promise<string> };
  readonly request?: unknown;
  readonly options?: unknown;
}

/** Hooks for ky's `hooks` option: {@link kyHooks}. */
export interface KyHooks {
  /** Turns ky's `HTTPError` into the typed error, which keeps `response`, `request` and `options`. */
  readonly beforeError: [<E extends KyErrorLike>(error: E) => Promise<E>];
}

/**
 * Hooks to pass as ky's `hooks` option: an error response is thrown as the class of its
 * status, read by `parseProblem()`, with ky's `HTTPError` as its `cause`. The typed error also
 * keeps ky's `response`, `request`, `options` and `name`, by which unminified ky still knows it
 * as its own (its default retry, `isHTTPError()`). A minified bundle renames ky's class, so
 * steer ky's retry with `shouldRetry` and {@link retryAfterMs} as the client guide shows.
 *
 * @example
 * const api = ky.create({ prefixUrl: '/api', hooks: kyHooks() });
 */
export function kyHooks(): KyHooks {
  return {
    beforeError: [
      async <E extends KyErrorLike>(error: E): Promise<E> => {
        const typed = await parseProblem(error.response);
        // ky recognises its errors by name: keeping it keeps ky's retry and isHTTPError() working.
        Object.defineProperties(typed, {
          name: { value: error.name, writable: true, configurable: true },
          response: { value: error.response, writable: true, configurable: true },
          request: { value: error.request, writable: true, configurable: true },
          options: { value: error.options, writable: true, configurable: true },
        });
        return withCause(typed, error) as unknown as E;
      },
    ],
  };
}

/** An axios instance, as far as {@link axiosInterceptor} uses it. */
export interface AxiosInstanceLike {
  readonly interceptors: {
    readonly response: {
      use(onFulfilled: undefined, onRejected: (error: unknown) => unknown): unknown;
    };
  };
}

/**
 * Installs a response interceptor on an axios instance and returns the instance: an error
 * response is rejected as the class of its status, read by `parseProblem()` from the
 * response's status, headers and data, with the `AxiosError` as its `cause`. Errors without a
 * response (network, timeout, cancel) pass through unchanged.
 *
 * @example
 * const api = axiosInterceptor(axios.create({ baseURL: '/api' }));
 */
export function axiosInterceptor<I extends AxiosInstanceLike>(instance: I): I {
  instance.interceptors.response.use(undefined, (error: unknown) => {
    const response = (error as { response?: { status?: unknown; headers?: unknown; data?: unknown } } | null)?.response;
    if (typeof response?.status !== 'number') return Promise.reject(error);
    return Promise.reject(withCause(parseProblem({ status: response.status, headers: response.headers as never, body: response.data }), error, response));
  });
  return instance;
}

// The client's own error (and its response) stay reachable from the typed one.
function withCause(error: HttpError<number>, cause: unknown, response?: unknown): HttpError<number> {
  if (cause !== undefined) Object.defineProperty(error, 'cause', { value: cause, writable: true, configurable: true });
  if (response !== undefined && !Object.hasOwn(error, 'response')) Object.defineProperty(error, 'response', { value: response, writable: true, configurable: true });
  return error;
}
