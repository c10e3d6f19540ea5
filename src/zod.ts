/**
 * `express-typed-errors/zod`: `mapZodError` for the `map` option. zod is an optional peer
 * dependency: nothing here imports it.
 */
export { mapZodError } from './problem/interop/zod';
export { toJsonPointer } from './core/pointer';
