/** The shape of a header contract's spec: everything about one header, in one place. */

/** A JSON Schema as plain data, for the OpenAPI description of a header. */
export type SchemaData = Readonly<Record<string, unknown>>;

/**
 * One header a status carries: how a constructor argument becomes the header value, how a
 * client reads it back into that argument, and whether the RFC requires it. The status
 * table names the contract; the error classes, the client and strict mode read it from
 * here, the OpenAPI builder reads its {@link HeaderOpenApi} beside it.
 */
export interface HeaderSpec {
  /** The header field, as it is sent. */
  readonly header: string;
  /** The property under which an error keeps the value it was given. */
  readonly property: string;
  /** The RFC says MUST: the constructor argument is required, and strict mode checks that it is sent. */
  readonly required: boolean;
  /** Constructor argument to header value; `undefined` when the argument cannot be sent. */
  readonly format: (value: unknown) => string | undefined;
  /** What the error keeps of the argument: lists become arrays, so readers need not split them. */
  readonly keep: (value: unknown) => unknown;
  /** A received header value (`undefined` when absent) back to the constructor argument, for the client. */
  readonly parse: (value: string | undefined) => unknown;
}

/**
 * How the OpenAPI document describes a header. Made by a function beside its spec in the
 * header's file, out of the spec object, so a browser bundle of the classes leaves it out.
 */
export interface HeaderOpenApi {
  readonly description: string;
  readonly schema: SchemaData;
  /** Given to the spec's `format` to make the documented example, so the example is what is sent. */
  readonly sample: unknown;
}

/** What an error keeps of a single-value argument: the value itself. */
export function keepAsIs(value: unknown): unknown {
  return value;
}

/** A parse that reads an absent header as no value and hands a present one to `read`. */
export function whenPresent(read: (value: string) => unknown): (value: string | undefined) => unknown {
  return (value) => (value === undefined ? undefined : read(value));
}

/** A comma-separated list received (`Allow`, `Upgrade`) as its items. */
export function splitList(value: string | undefined): string[] {
  return value === undefined ? [] : value.split(',').map((item) => item.trim()).filter(Boolean);
}

/** What an error keeps of a list argument: an array, whether it was given one or a string. */
export function keepList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : typeof value === 'string' ? splitList(value) : [];
}
