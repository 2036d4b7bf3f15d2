import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { rangeOf } from '../document/frontmatter';
import { positionAt } from '../document/lines';
import type { PolicyDocument } from '../document/types';
import type { TextEdit } from '../findings/types';
import { eol, insertAt, replaceRange } from './edits';

/**
 * The edit that adds ids to a list key (`clauses`), in the list's own style. Flow lists and
 * missing or empty values are rewritten whole, so two such fixes overlap and never garble each
 * other: fix-all applies one per round. A block list gets new item lines after its last one.
 */
export function addToListEdit(document: PolicyDocument, key: string, ids: string[]): TextEdit | undefined {
  const frontmatter = document.frontmatter;
  const contents = frontmatter?.yaml?.contents;
  if (!frontmatter?.data || !isMap(contents)) return undefined;
  const newline = eol(document);
  const base = frontmatter.contentRange.start;
  const added = ids.join(', ');
  const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === key) as Pair<Node, Node | null> | undefined;
  if (!pair) {
    // Replace the closing fence itself, so that a second added key overlaps this edit instead of duplicating the key.
    const fence = { start: frontmatter.contentRange.end, end: frontmatter.contentRange.end + 3 };
    return replaceRange(fence, `${key}: [${added}]${newline}${document.text.slice(fence.start, fence.end)}`);
  }
  const node = pair.value;
  const keyRange = rangeOf(pair.key, base);
  const lineEnd = endOfLine(document, keyRange.end);
  if (node === null || (isScalar(node) && (node.value === null || node.value === ''))) {
    // `clauses:`, `clauses: ~` or `clauses :`: what follows the colon on its line becomes the list; a comment stays.
    const colon = document.text.indexOf(':', keyRange.end);
    const rest = document.text.slice(colon + 1, lineEnd);
    const comment = /(^|\s)#/.exec(rest);
    const end = comment ? colon + 1 + comment.index : lineEnd;
    return replaceRange({ start: colon + 1, end }, ` [${added}]`);
  }
  const range = rangeOf(node, base);
  if (isScalar(node)) return replaceRange(range, `[${document.text.slice(range.start, range.end)}, ${added}]`);
  if (!isSeq(node)) return undefined;
  if (node.flow || node.items.length === 0) {
    const items = node.items.filter((item): item is Node => isScalar(item) && item.value !== null).map((item) => {
      const itemRange = rangeOf(item, base);
      return document.text.slice(itemRange.start, itemRange.end);
    });
    const close = document.text.lastIndexOf(']', range.end);
    return replaceRange({ start: range.start, end: close >= range.start ? close + 1 : range.end }, `[${[...items, ...ids].join(', ')}]`);
  }
  const lastRange = rangeOf(node.items.at(-1) as Node, base);
  const line = positionAt(document.lineStarts, lastRange.start).line;
  const indent = /^[ \t]*-\s*/.exec(document.text.slice(document.lineStarts[line]!))?.[0] ?? '- ';
  return insertAt(endOfLine(document, lastRange.end), ids.map((id) => `${newline}${indent}${id}`).join(''));
}

function endOfLine(document: PolicyDocument, offset: number): number {
  const match = /\r?\n|\r/.exec(document.text.slice(offset));
  return match ? offset + match.index : document.text.length;
}
