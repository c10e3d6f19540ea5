/**
 * The itemised problems (`errors` member) of a problem document, read for the HTML and
 * text forms. Pure.
 */
import type { ProblemDocument } from '../problem/problem';

/** One itemised problem as the HTML and text forms show it. */
export interface ShownItem {
  /** Where in the request, e.g. `/email`. */
  readonly pointer: string | undefined;
  readonly detail: string;
}

/** The items of `errors` that carry a text `detail`, in order; anything else is left out. */
export function shownItems(problem: ProblemDocument): readonly ShownItem[] {
  const errors = problem.errors;
  if (!Array.isArray(errors)) return [];
  const items: ShownItem[] = [];
  for (const item of errors as unknown[]) {
    if (item === null || typeof item !== 'object') continue;
    const { pointer, detail } = item as { pointer?: unknown; detail?: unknown };
    if (typeof detail !== 'string') continue;
    items.push({ pointer: typeof pointer === 'string' && pointer !== '' ? pointer : undefined, detail });
  }
  return items;
}
