/** JSON Pointers (RFC 6901) for the `pointer` of an itemised problem. */

/** A JSON Pointer (RFC 6901) for a path: `~` becomes `~0` and `/` becomes `~1`. */
export function toJsonPointer(path: readonly unknown[]): string {
  let pointer = '';
  for (const segment of path) {
    pointer += `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`;
  }
  return pointer;
}
