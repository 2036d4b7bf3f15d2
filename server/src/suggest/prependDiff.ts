import { CONTEXT, splitLines } from '../text/unifiedDiff';

/**
 * A unified diff for text added at the very start of a file (what `adopt` does), with `path` in
 * the headers. Line endings are left out of the lines shown, so CRLF files read like any other.
 */
export function prependDiff(path: string, added: string, original: string): string {
  const addedLines = splitLines(added);
  const originalLines = splitLines(original);
  const context = originalLines.slice(0, CONTEXT);
  const oldRange = originalLines.length === 0 ? '0,0' : `1,${context.length}`;
  const lines = [
    `--- a/${path}`,
    `+++ b/${path}`,
    `@@ -${oldRange} +1,${addedLines.length + context.length} @@`,
    ...addedLines.map((line) => `+${line}`),
    ...context.map((line) => ` ${line}`),
  ];
  if (context.length > 0 && context.length === originalLines.length && !/[\r\n]$/.test(original)) lines.push('\\ No newline at end of file');
  return `${lines.join('\n')}\n`;
}
