import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, parse, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { rangeOf } from '../document/frontmatter';
import { positionAt } from '../document/lines';
import type { PolicyDocument } from '../document/types';
import type { TextEdit } from '../findings/types';
import { eol, insertAt, replaceRange } from './edits';
import { blockItem, flowItem, type ListItem } from './listItem';

/**
 * The edit that adds `key: value` to the frontmatter in the mapping's own style: a line at the end of
 * a block mapping, at its indentation, or an entry after the last one of a flow mapping (`{id: F1}`,
 * with JSON's quotes when its keys have them). `value` is YAML as a block mapping holds it, or a list
 * of items, written as a block list (one `- item` line each, a mapping's entries lined up under it) or, in a flow mapping, a flow list. None when
 * the frontmatter is not a mapping that parses: a key added there could only break it further.
 * `exclusive`: two exclusive edits adding one key overlap, so fix-all never writes the key twice.
 */
export function addKeyEdit(document: PolicyDocument, key: string, value: string | readonly ListItem[], exclusive = false): TextEdit | undefined {
  const frontmatter = document.frontmatter;
  const contents = frontmatter?.yaml?.contents;
  if (!frontmatter?.data || (contents && !isMap(contents))) return undefined;
  const base = frontmatter.contentRange.start;
  if (contents && isMap(contents) && contents.flow) return flowEntryEdit(document, contents, base, key, typeof value === 'string' ? value : `[${value.map(flowItem).join(', ')}]`, exclusive);
  const first = contents && isMap(contents) ? (contents.items[0]?.key as Node | undefined) : undefined;
  const indent = first ? ' '.repeat(positionAt(document.lineStarts, rangeOf(first, base).start).character) : '';
  const newline = eol(document);
  const line = typeof value === 'string' ? `${indent}${key}: ${value}${newline}` : `${indent}${key}:${newline}${value.map((item) => `${blockItem(item, `${indent}  - `, newline)}${newline}`).join('')}`;
  const at = frontmatter.contentRange.end;
  if (!exclusive) return insertAt(at, line);
  // The closing fence itself is replaced (and written again), so a second exclusive edit overlaps this one.
  return replaceRange({ start: at, end: at + 3 }, line + document.text.slice(at, at + 3));
}

/** A new last entry of a flow mapping: after the last value (before any comment), on a line of its own when the mapping spans lines. */
function flowEntryEdit(document: PolicyDocument, map: YAMLMap, base: number, key: string, value: string, exclusive: boolean): TextEdit {
  const pairs = map.items as Pair<Node, Node | null>[];
  const json = pairs.length > 0 && pairs.every((pair) => isScalar(pair.key) && pair.key.type === 'QUOTE_DOUBLE');
  const entry = `${json ? JSON.stringify(key) : key}: ${flowValue(value, json)}`;
  const open = rangeOf(map as Node, base).start;
  const last = pairs.at(-1);
  if (!last) {
    // `{}`: the entry goes after the brace, with a comma so that further entries can follow it.
    return exclusive ? replaceRange({ start: open, end: open + 1 }, `{${entry}, `) : insertAt(open + 1, `${entry}, `);
  }
  const at = rangeOf((last.value ?? last.key) as Node, base).end;
  const keyStart = rangeOf(last.key, base).start;
  const lineOf = (offset: number) => positionAt(document.lineStarts, offset);
  const keyLine = lineOf(keyStart);
  const separator = keyLine.line === lineOf(open).line ? ', ' : `,${eol(document)}${document.text.slice(keyStart - keyLine.character, keyStart).replace(/\S.*$/, '')}`;
  // Exclusive: replace the value's last character with itself and the entry, a range two such edits share.
  return exclusive ? replaceRange({ start: at - 1, end: at }, document.text[at - 1] + separator + entry) : insertAt(at, separator + entry);
}

/**
 * A value written for a block mapping, as a flow mapping must hold it: as it is when it reads the
 * same there, else (and always in JSON) with every scalar a JSON string of what it says, so `9.10`
 * stays `"9.10"`, not the number 9.1.
 */
function flowValue(value: string, json: boolean): string {
  if (!json && readsSame(value)) return value;
  const node = (parseDocument(`k: ${value}`).contents as YAMLMap<unknown, Node>).get('k', true) as Node | undefined;
  return node ? asJson(node) : JSON.stringify(value);
}

function readsSame(value: string): boolean {
  try {
    return isDeepStrictEqual(parse(`{k: ${value}}`), parse(`k: ${value}`));
  } catch {
    // Not readable in a flow mapping as written: it gets quoted.
    return false;
  }
}

function asJson(node: Node): string {
  if (isSeq(node)) return `[${node.items.map((item) => asJson(item as Node)).join(', ')}]`;
  if (isMap(node)) return `{${(node.items as Pair<Node, Node | null>[]).map((pair) => `${asJson(pair.key)}: ${pair.value ? asJson(pair.value) : 'null'}`).join(', ')}}`;
  if (isScalar(node)) return JSON.stringify(node.type === 'PLAIN' ? ((node as { source?: string }).source ?? String(node.value)) : String(node.value));
  return JSON.stringify(String(node));
}
