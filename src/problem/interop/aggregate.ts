/** Several errors at once: an `AggregateError`, or an array thrown as it is. */

/** Members of an `AggregateError` (or thrown array, or validation issues) that are read and listed; the rest are ignored. */
export const MAX_AGGREGATE_ITEMS = 100;

/** The members of an `AggregateError` or a thrown array, or `undefined` for anything else. */
export function aggregateItems(error: unknown): readonly unknown[] | undefined {
  if (Array.isArray(error)) return error;
  if (error instanceof AggregateError && Array.isArray(error.errors)) return error.errors as unknown[];
  return undefined;
}

/**
 * The status that speaks for several: the highest code, so that any 5xx (a failure the
 * client cannot fix) wins over every 4xx.
 */
export function aggregateStatus(statusesOfItems: readonly number[]): number {
  return statusesOfItems.reduce((highest, status) => (status > highest ? status : highest), 0) || 500;
}
