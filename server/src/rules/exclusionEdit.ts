import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { rangeOf } from '../document/frontmatter';
import { positionAt } from '../document/lines';
import type { PolicyDocument } from '../document/types';
import type { TextEdit } from '../findings/types';
import { eol, insertAt, replaceRange, yamlClauseId } from './edits';
import { addKeyEdit } from './frontmatterKeyEdit';

/**
 * The edit that adds `{ clause, justification }` to a document's `excludes`, in the list's own style:
 * a new block item after the last one, a new entry of a flow list, or the key added as a block list.
 * Undefined when the frontmatter is not a mapping that parses, or `excludes` is not a list.
 */
export function addExclusionEdit(document: PolicyDocument, clauseId: string, justification: string): TextEdit | undefined {
  const frontmatter = document.frontmatter;
  const contents = frontmatter?.yaml?.contents;
  if (!frontmatter?.data || !isMap(contents)) return undefined;
  const newline = eol(document);
  const clause = yamlClauseId(clauseId);
  const reason = JSON.stringify(justification);
  const base = frontmatter.contentRange.start;
  const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === 'excludes') as Pair<Node, Node | null> | undefined;
  const empty = !pair?.value || (isScalar(pair.value) && (pair.value.value === null || pair.value.value === ''));
  if (!pair || empty) {
    if (contents.flow) return pair ? undefined : addKeyEdit(document, 'excludes', `[{clause: ${clause}, justification: ${reason}}]`);
    const item = `${newline}  - clause: ${clause}${newline}    justification: ${reason}`;
    if (!pair) return insertAt(frontmatter.contentRange.end, `excludes:${item}${newline}`);
    // `excludes:` with nothing after it: the list goes under the key.
    const keyEnd = rangeOf(pair.key, base).end;
    const lineEnd = document.text.slice(keyEnd).search(/\r?\n|$/) + keyEnd;
    return replaceRange({ start: keyEnd, end: lineEnd }, `:${item}`);
  }
  const node = pair.value!;
  if (!isSeq(node)) return undefined;
  const range = rangeOf(node, base);
  if (node.flow) {
    const close = document.text.lastIndexOf(']', range.end);
    if (close < range.start) return undefined;
    return insertAt(close, `${node.items.length ? ', ' : ''}{clause: ${clause}, justification: ${reason}}`);
  }
  // After the last item's text (its range may run on over the line break and any blank lines).
  const end = range.start + document.text.slice(range.start, range.end).trimEnd().length;
  const lastStart = rangeOf(node.items.at(-1) as Node, base).start;
  const dash = document.text.lastIndexOf('-', lastStart);
  const column = positionAt(document.lineStarts, dash).character;
  const indent = ' '.repeat(column);
  return insertAt(end, `${newline}${indent}- clause: ${clause}${newline}${indent}  justification: ${reason}`);
}
