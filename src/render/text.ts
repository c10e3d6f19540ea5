/**
 * The `text/plain` form of a problem: one line a terminal user reads at a glance. Pure.
 */
import type { ProblemDocument } from '../problem/problem';
import { shownItems } from './items';

// A detail with line breaks would make the one-line answer look like several.
const LINE_BREAKS = /[\r\n\u2028\u2029]+/g;
// The other control characters (C0 but tab, DEL, C1: ESC starts a terminal sequence, VT and
// FF move the cursor, NEL breaks the line) become U+FFFD, so a value can only be read.
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/**
 * `503 Service Unavailable: <detail>` in the response's language, then one line per
 * itemised problem (`- /email: <detail>`), then in debug mode the stack, one frame a line.
 */
export function renderText(problem: ProblemDocument): string {
  let text = `${problem.status} ${oneLine(problem.title)}: ${oneLine(problem.detail)}\n`;
  for (const { pointer, detail } of shownItems(problem)) {
    text += pointer === undefined ? `- ${oneLine(detail)}\n` : `- ${oneLine(pointer)}: ${oneLine(detail)}\n`;
  }
  const stack = problem.stack;
  return Array.isArray(stack) ? `${text}\n${stack.map(oneLine).join('\n')}\n` : text;
}

function oneLine(value: unknown): string {
  return String(value).replace(LINE_BREAKS, ' ').replace(CONTROLS, '\uFFFD');
}
