/**
 * Typed message keys: the keys and ICU parameters of an app's messages, read from its
 * const object at compile time, so `message()` refuses a typo or a missing parameter.
 */
import { message } from '../core/message';
import type { Message } from '../core/message';
import type { AppMessages } from './localize';

/** Every key any language of `M` defines. */
export type MessageKey<M> = { [L in keyof M]: keyof NonNullable<M[L]> & string }[keyof M];

/**
 * The parameters a key takes, read from its ICU text in every language that has it:
 * `plural`, `selectordinal` and `number` take a number, `date` and `time` a `Date` or a
 * number, `select` a string, a plain `{name}` a string or a number.
 */
export type MessageParams<M, K extends string> = Simplify<
  UnionToIntersection<{ [L in keyof M]: K extends keyof NonNullable<M[L]> ? ParamsOf<NonNullable<M[L]>[K]> : never }[keyof M]>
>;

/** {@link message}, narrowed to the keys of `M` and the parameters each one needs. */
export type MessageFunction<M> = <K extends MessageKey<M>>(key: K, ...params: ParamsArgument<MessageParams<M, K>>) => Message<K>;

/**
 * Declares an app's messages once and returns them with a `message()` that accepts only
 * their keys and parameters. Pass `messages` to `errorHandler()`; throw with `message`.
 * (The plain `message()` export still takes any string key, for JavaScript callers.)
 *
 * @example
 * const { messages, message } = defineMessages({
 *   en: { 'user.notFound': 'No user with id {id}.' },
 *   ko: { 'user.notFound': 'ID가 {id}인 사용자를 찾을 수 없습니다.' },
 * });
 * app.use(errorHandler({ messages }));
 * throw new NotFound({ detail: message('user.notFound', { id: 42 }) });
 */
export function defineMessages<const M extends AppMessages>(messages: M): { readonly messages: M; readonly message: MessageFunction<M> } {
  return { messages, message: message as MessageFunction<M> };
}

type ParamsArgument<P> = {} extends P ? [params?: P] : [params: P];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

// A text typed only as `string` (e.g. loaded from JSON) cannot be read: any parameters go.
type ParamsOf<S> = S extends string ? (string extends S ? Readonly<Record<string, unknown>> : ParseMessage<S, {}>[0]) : never;

type Trim<S extends string> = S extends ` ${infer R}` | `\n${infer R}` | `\t${infer R}` ? Trim<R> : S extends `${infer R} ` | `${infer R}\n` | `${infer R}\t` ? Trim<R> : S;

type ValueOf<Type extends string> = Type extends 'plural' | 'selectordinal' | 'number'
  ? number
  : Type extends 'date' | 'time'
    ? Date | number
    : Type extends 'select'
      ? string
      : string | number;

// A small ICU reader over template literals. Each step returns [params so far, text left
// after the `}` that closed the current sub-message]; `#` and quoting need no parameter.
type ParseMessage<S extends string, P> = S extends `${infer Before}{${infer After}`
  ? Before extends `${string}}${infer Tail}`
    ? [P, `${Tail}{${After}`]
    : ParseArgument<After, P>
  : S extends `${string}}${infer Tail}`
    ? [P, Tail]
    : [P, ''];

type ParseArgument<S extends string, P> = S extends `${infer Head}}${infer Rest}`
  ? Head extends `${string},${string}`
    ? S extends `${infer Name},${infer Spec}`
      ? ParseTyped<Trim<Name>, Spec, P>
      : [P, '']
    : ParseMessage<Rest, P & { readonly [N in Trim<Head>]: string | number }>
  : [P, ''];

type ParseTyped<Name extends string, S extends string, P> = S extends `${infer Type},${infer Options}`
  ? Type extends `${string}}${string}`
    ? ParseSimpleTyped<Name, S, P>
    : Trim<Type> extends 'plural' | 'select' | 'selectordinal'
      ? ParseOptions<Options, P & { readonly [N in Name]: ValueOf<Trim<Type>> }>
      : Options extends `${string}}${infer Rest}`
        ? ParseMessage<Rest, P & { readonly [N in Name]: ValueOf<Trim<Type>> }>
        : [P, '']
  : ParseSimpleTyped<Name, S, P>;

type ParseSimpleTyped<Name extends string, S extends string, P> = S extends `${infer Type}}${infer Rest}`
  ? ParseMessage<Rest, P & { readonly [N in Name]: ValueOf<Trim<Type>> }>
  : [P, ''];

// `one {...} other {...}}`: each option is a sub-message; the lone `}` ends the argument.
type ParseOptions<S extends string, P> = S extends `${infer Selector}{${infer Sub}`
  ? Selector extends `${string}}${infer Rest}`
    ? ParseMessage<`${Rest}{${Sub}`, P>
    : ParseMessage<Sub, P> extends [infer Next, infer Left extends string]
      ? ParseOptions<Left, Next>
      : [P, '']
  : S extends `${string}}${infer Rest}`
    ? ParseMessage<Rest, P>
    : [P, ''];
