/**
 * A reference to a localisable message: a key and its parameters, rendered in the
 * negotiated language when the response is written, not when the error is thrown.
 */

const MESSAGE = Symbol.for('express-typed-errors.Message');

/** A message key with its parameters, rendered per request by `errorHandler()`. */
export interface Message<K extends string = string> {
  readonly [MESSAGE]: true;
  readonly key: K;
  readonly params: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Refers to an app message (the `messages` option of `errorHandler()`) or a built-in
 * phrase, to be rendered in the client's language. It takes any string key; for keys and
 * parameters checked at compile time, use the `message` returned by `defineMessages()`.
 *
 * @example
 * throw new NotFound({ detail: message('user.notFound', { id: 42 }) });
 */
export function message<K extends string>(key: K, params?: Readonly<Record<string, unknown>>): Message<K> {
  return { [MESSAGE]: true, key, params };
}

/** True for a value made by {@link message}. */
export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && (value as { [MESSAGE]?: unknown })[MESSAGE] === true && typeof (value as { key?: unknown }).key === 'string';
}
