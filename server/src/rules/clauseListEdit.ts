import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { rangeOf } from '../document/frontmatter';
import { positionAt } from '../document/lines';
import type { PolicyDocument } from '../document/types';
import type { TextEdit } from '../findings/types';
import { eol, insertAt, replaceRange } from './edits';
import { addKeyEdit } from './frontmatterKeyEdit';
import { blockItem, flowItem, type ListItem } from './listItem';

/**
 * The edit that adds items to a list key (`clauses`, `excludes`): ids, or mappings written one entry
 * per line. A list the author wrote keeps its style, indentation and comments: a flow list gets the
 * items after its last one, inside its brackets, a block list new item lines after its last one, at its
 * indentation. Where there is no list yet (the key missing, empty, or `[]`), the list is written
 * block-style, one item per line, which leaves room for each id's title hint (a flow mapping can only
 * hold a flow list); a comment after the key stays. Edits into a flow list or a missing or empty value
 * replace the same text, so two such fixes overlap and never garble each other: fix-all applies one per round.
 */
export function addToListEdit(document: PolicyDocument, key: string, ids: readonly ListItem[]): TextEdit | undefined {
  const frontmatter = document.frontmatter;
  const contents = frontmatter?.yaml?.contents;
  if (!frontmatter?.data || !isMap(contents)) return undefined;
  const newline = eol(document);
  const base = frontmatter.contentRange.start;
  const added = ids.map(flowItem).join(', ');
  const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === key) as Pair<Node, Node | null> | undefined;
  // Exclusive, so that a second added key overlaps this edit instead of duplicating the key.
  if (!pair) return addKeyEdit(document, key, contents.flow ? `[${added}]` : ids, true);
  const node = pair.value;
  const keyRange = rangeOf(pair.key, base);
  const lineEnd = endOfLine(document, keyRange.end);
  if (node === null || (isScalar(node) && (node.value === null || node.value === ''))) {
    // `clauses:`, `clauses: ~` or `clauses :`: what follows the colon on its line becomes the list; a comment stays.
    const colon = document.text.indexOf(':', keyRange.end);
    const rest = document.text.slice(colon + 1, lineEnd);
    // The colon is replaced too, so that two such edits overlap even where nothing follows it.
    if (contents.flow) {
      // The rest of the line holds the mapping's other entries: only `~` or `""` and the spaces go.
      const value = node ? rangeOf(node, base) : { start: colon + 1, end: colon + 1 };
      return replaceRange({ start: colon, end: Math.max(value.end, colon + 1 + /^[ \t]*/.exec(rest)![0].length) }, `: [${added}]`);
    }
    // A comment stays on the key's line, before the items.
    const comment = /(^|\s)(#.*)$/.exec(rest);
    return replaceRange({ start: colon, end: lineEnd }, `:${comment ? ` ${comment[2]}` : ''}${blockItems(document, keyRange.start, ids)}`);
  }
  const range = rangeOf(node, base);
  if (isScalar(node)) return replaceRange(range, `[${document.text.slice(range.start, range.end)}, ${added}]`);
  if (!isSeq(node)) return undefined;
  if (node.items.length === 0 && !contents.flow) {
    // `clauses: []`: no list of the author's yet, so a block one (a comment after the brackets stays there).
    const colon = document.text.indexOf(':', keyRange.end);
    return replaceRange({ start: colon, end: range.end }, `:${blockItems(document, keyRange.start, ids)}`);
  }
  if (node.flow || node.items.length === 0) {
    const items = (node.items as Node[]).filter((item) => !isScalar(item) || item.value !== null);
    // A JSON list (`["9.4.2"]`) gets its new ids quoted like the others.
    const json = items.length > 0 && items.every((item) => isScalar(item) && item.type === 'QUOTE_DOUBLE');
    const written = ids.map((id) => (json && typeof id === 'string' ? JSON.stringify(id) : flowItem(id))).join(', ');
    const close = document.text.lastIndexOf(']', range.end);
    const end = close >= range.start ? close + 1 : range.end;
    // From the last item (or the opening bracket) to the closing one; the text between them stays.
    const last = items.at(-1);
    const after = last ? rangeOf(last, base).end : range.start + 1;
    return replaceRange({ start: after, end }, `${last ? ', ' : ''}${written}${document.text.slice(after, end)}`);
  }
  const lastRange = rangeOf(node.items.at(-1) as Node, base);
  const line = positionAt(document.lineStarts, lastRange.start).line;
  const dash = /^[ \t]*-\s*/.exec(document.text.slice(document.lineStarts[line]!))?.[0] ?? '- ';
  // After the last item's text: a block mapping's range may run on over its line break.
  const lastEnd = lastRange.start + document.text.slice(lastRange.start, lastRange.end).trimEnd().length;
  return insertAt(endOfLine(document, lastEnd), ids.map((id) => `${newline}${blockItem(id, dash, newline)}`).join(''));
}

function endOfLine(document: PolicyDocument, offset: number): number {
  const match = /\r?\n|\r/.exec(document.text.slice(offset));
  return match ? offset + match.index : document.text.length;
}

/** Item lines of a block list under the key that starts at `keyStart`: each on a new line, two spaces deeper than the key. */
function blockItems(document: PolicyDocument, keyStart: number, ids: readonly ListItem[]): string {
  const dash = `${' '.repeat(positionAt(document.lineStarts, keyStart).character + 2)}- `;
  return ids.map((id) => `${eol(document)}${blockItem(id, dash, eol(document))}`).join('');
}
