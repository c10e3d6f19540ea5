/**
 * Reading the README and the guides in `docs/` for the drift tests: a file's text, one of its
 * sections, the rows of a table, its relative links and its heading anchors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..');

/** The text of a file, by its path from the repository root. */
export function read(file: string): string {
  return readFileSync(path.join(ROOT, file), 'utf8');
}

/** Every guide page, as a path from the repository root (`docs/errors.md`, ...). */
export function guides(): string[] {
  return readdirSync(path.join(ROOT, 'docs'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file}`)
    .sort();
}

/** The text from a heading (`## Title`, exactly) to the next heading of the same or a higher level. */
export function section(text: string, heading: string): string {
  const start = text.split('\n').findIndex((line) => line === heading);
  if (start === -1) throw new Error(`no heading "${heading}"`);
  const level = /^#+/.exec(heading)?.[0].length ?? 2;
  const lines = text.split('\n').slice(start);
  const end = lines.findIndex((line, index) => index > 0 && new RegExp(`^#{1,${level}} `).test(line) && !inFence(lines, index));
  return lines.slice(0, end === -1 ? undefined : end).join('\n');
}

/** The table rows of a text whose first cell matches `firstCell` (a pattern without anchors). */
export function rows(text: string, firstCell: RegExp): string[][] {
  const pattern = new RegExp(`^\\| ${firstCell.source} \\|`);
  return text
    .split('\n')
    .filter((line) => pattern.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
}

/** The text without fenced code blocks, where `[a](b)` is code, not a link. */
export function withoutCode(text: string): string {
  return text.replace(/^```[\s\S]*?^```$/gm, '');
}

/** The targets of the Markdown links of a text that point into the repository. */
export function relativeLinks(text: string): string[] {
  return [...withoutCode(text).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1] as string)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

/** The anchors GitHub gives the headings of a text: lower case, punctuation dropped, spaces as `-`. */
export function anchors(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of withoutCode(text).matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = (match[1] as string)
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    let unique = slug;
    for (let n = 1; found.has(unique); n++) unique = `${slug}-${n}`;
    found.add(unique);
  }
  return found;
}

function inFence(lines: readonly string[], index: number): boolean {
  return lines.slice(0, index).filter((line) => line.startsWith('```')).length % 2 === 1;
}
