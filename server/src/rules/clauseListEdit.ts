import { isScalar, isSeq, isMap, type Node } from 'yaml';
import { rangeOf } from '../document/frontmatter';
import { positionAt } from '../document/lines';
import type { PolicyDocument } from '../document/types';
import type { TextEdit } from '../findings/types';
import { eol, insertAt, replaceRange } from './edits';

/** The edit that adds an id to a list key (`clauses`), in the list's own style (flow or block). */
export function addToListEdit(document: PolicyDocument, key: string, id: string): TextEdit | undefined {
  const frontmatter = document.frontmatter;
  const contents = frontmatter?.yaml?.contents;
  if (!frontmatter?.data || !isMap(contents)) return undefined;
  const newline = eol(document);
  const base = frontmatter.contentRange.start;
  const node = contents.get(key, true) as Node | null | undefined;
  if (node === undefined) return insertAt(frontmatter.contentRange.end, `${key}: [${id}]${newline}`);
  if (node === null || (isScalar(node) && node.value === null)) {
    const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === key)!;
    return insertAt(rangeOf(pair.key as Node, base).end + 1, ` [${id}]`);
  }
  if (isScalar(node)) {
    const range = rangeOf(node, base);
    return replaceRange(range, `[${document.text.slice(range.start, range.end)}, ${id}]`);
  }
  if (!isSeq(node)) return undefined;
  const range = rangeOf(node, base);
  if (node.flow) {
    const close = document.text.lastIndexOf(']', range.end);
    return insertAt(close, node.items.length ? `, ${id}` : id);
  }
  const last = node.items.at(-1) as Node;
  const lastRange = rangeOf(last, base);
  const line = positionAt(document.lineStarts, lastRange.start).line;
  const lineStart = document.lineStarts[line]!;
  const indent = /^[ \t]*-\s*/.exec(document.text.slice(lineStart))?.[0] ?? '- ';
  const lineEnd = document.text.slice(lastRange.end).search(/\r?\n|$/) + lastRange.end;
  return insertAt(lineEnd, `${newline}${indent}${id}`);
}
