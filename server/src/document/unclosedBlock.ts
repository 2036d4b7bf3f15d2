import type { RootContent } from 'mdast';
import type { Range } from './types';

/** A block the text ends inside of: whatever is appended to the text becomes part of it. */
export interface UnclosedBlock {
  kind: 'code fence' | 'HTML comment' | 'HTML block';
  range: Range;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/**
 * The HTML blocks that CommonMark ends only at a marker (kinds 1–5: script/pre/style/textarea, a
 * comment, a processing instruction, a declaration, CDATA), with that marker; the other kinds end
 * at a blank line, which an appended section always starts with.
 */
const HTML_BLOCKS: [kind: UnclosedBlock['kind'], start: RegExp, end: RegExp][] = [
  ['HTML block', /^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  ['HTML comment', /^ {0,3}<!--/, /-->/],
  ['HTML block', /^ {0,3}<\?/, /\?>/],
  ['HTML block', /^ {0,3}<![A-Za-z]/, />/],
  ['HTML block', /^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/**
 * The code fence or HTML block that the document's last top-level block leaves open, if any. Only
 * the last top-level block matters: an open block runs to the end of the text, and one nested in a
 * list or quote ends where an unindented heading after a blank line starts.
 */
export function unclosedBlockAtEnd(last: RootContent | undefined, text: string): UnclosedBlock | undefined {
  if (!last?.position) return undefined;
  const range = { start: last.position.start.offset ?? 0, end: last.position.end.offset ?? 0 };
  const source = text.slice(range.start, range.end);
  if (last.type === 'code') {
    const open = FENCE.exec(source);
    if (!open) return undefined;
    const lines = source.split(/\r\n|\n|\r/);
    const fence = open[1]!;
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    return lines.length > 1 && close.test(lines.at(-1)!) ? undefined : { kind: 'code fence', range };
  }
  if (last.type === 'html') {
    const block = HTML_BLOCKS.find(([, start]) => start.test(source));
    return block && !block[2].test(source) ? { kind: block[0], range } : undefined;
  }
  return undefined;
}
