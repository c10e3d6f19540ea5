/**
 * The itemised problems (`errors` member) of a problem document, read for the HTML and
 * text forms. Pure.
 */
import type { ProblemDocument } from '../problem/problem';

/** One itemised problem as the HTML and text forms show it. */
export interface ShownItem {
  /** Where in the request, e.g. `/email`, or a parameter's name. */
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
    const { pointer, parameter, detail } = item as { pointer?: unknown; parameter?: unknown; detail?: unknown };
    if (typeof detail !== 'string') continue;
    // A query, path, header or cookie parameter is named where a body member is pointed to.
    const where = typeof pointer === 'string' && pointer !== '' ? pointer : typeof parameter === 'string' && parameter !== '' ? parameter : undefined;
    items.push({ pointer: where, detail });
  }
  return items;
}
