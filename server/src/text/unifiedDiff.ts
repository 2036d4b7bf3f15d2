import { withoutBom } from './bom';

/** Lines of unchanged text shown around a change, as `diff -u` does. */
export const CONTEXT = 3;

/** The lines of a text without their line endings (CRLF files read like any other); no last empty line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = withoutBom(text).split(/\r\n|\n|\r/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * A unified diff of two versions of a file that differ in one region (what `migrate` changes: lines
 * of the frontmatter), as one hunk with `path` in the headers; empty when they are equal.
 */
export function regionDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const old = splitLines(before);
  const next = splitLines(after);
  let head = 0;
  while (head < old.length && head < next.length && old[head] === next[head]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < next.length - head && old[old.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  const from = Math.max(0, head - CONTEXT);
  const oldEnd = Math.min(old.length, old.length - tail + CONTEXT);
  const newEnd = Math.min(next.length, next.length - tail + CONTEXT);
  const trailing = old.slice(old.length - tail, oldEnd);
  const range = (start: number, count: number) => `${count === 0 ? start : start + 1},${count}`;
  const lines = [
    `--- a/${path}`,
    `+++ b/${path}`,
    `@@ -${range(from, oldEnd - from)} +${range(from, newEnd - from)} @@`,
    ...old.slice(from, head).map((line) => ` ${line}`),
    ...old.slice(head, old.length - tail).map((line) => `-${line}`),
    ...next.slice(head, next.length - tail).map((line) => `+${line}`),
    ...trailing.map((line) => ` ${line}`),
  ];
  return `${lines.join('\n')}\n`;
}
