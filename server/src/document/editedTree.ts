import type { Nodes, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { positionAt } from './lines';
import { unclosedBlockAtEnd } from './unclosedBlock';

/** The Markdown tree of one version of a text, kept to parse the next version in part. */
export interface TreeReading {
  text: string;
  tree: Root;
}

/** A part parsed alone never starts a document that has frontmatter: no frontmatter construct. */
const partProcessor = unified().use(remarkParse);

const ATX_OPENER = /^#{1,6}(?=[ \t\r\n]|$)/;
const LETTER = /^\p{L}/u;

/**
 * The Markdown tree of `text`, an edit of `previous.text`, parsing again only the part between the
 * top-level blocks around the change that start afresh (see freshStart); undefined when that could
 * read differently from a parse of the whole (then parse the whole). Nothing before such a block
 * changes how it and what follows parse, except link reference definitions, so a text with any (`]:`)
 * is parsed whole. The tree of `previous` is taken apart: its nodes after the change are moved in place.
 */
export function editedTree(previous: TreeReading, text: string, lineStarts: number[], bodyStart: number, change = textChange(previous.text, text)): Root | undefined {
  const old = previous.text;
  if (text.includes(']:') || old.includes(']:')) return undefined;
  const { same, sameEnd } = change;
  if (same < bodyStart) return undefined;
  const children = previous.tree.children;
  const delta = text.length - old.length;
  // The part to parse again starts at the last fresh start whose marker (a heading's, else its first letter) the change leaves as it was ...
  let first = children.findIndex((child) => startOf(child) >= bodyStart);
  if (first < 0) first = children.length;
  let start = bodyStart;
  for (let index = first; index < children.length; index++) {
    const at = startOf(children[index]!);
    if (at >= same) break;
    const marker = children[index]!.type === 'heading' ? ATX_OPENER.exec(old.slice(at, at + 8))?.[0].length : 1;
    if (marker !== undefined && at + marker < same && freshStart(children[index]!, old)) [first, start] = [index, at];
  }
  // ... and ends at the first fresh start after the change whose text is unchanged, a blank line before it still.
  const endsPart = (child: RootContent) => startOf(child) >= old.length - sameEnd && startOf(child) > start && freshStart(child, old) && blankLineBefore(text, startOf(child) + delta);
  let after = first;
  while (after < children.length && !endsPart(children[after]!)) after++;
  const end = after < children.length ? startOf(children[after]!) + delta : text.length;
  const part = text.slice(start, end);
  const parsed = partProcessor.parse(part) as Root;
  if (after < children.length && leftOpen(parsed, part)) return undefined;
  // Line numbers come from the new text's line starts and the old tree's positions, not a scan of either text.
  for (const node of parsed.children) move(node, start, positionAt(lineStarts, start).line);
  const rest = children.slice(after);
  if (rest.length > 0) {
    const lineDelta = positionAt(lineStarts, end).line - (rest[0]!.position!.start.line - 1);
    for (const node of rest) move(node, delta, lineDelta);
  }
  const tree: Root = { type: 'root', children: [...children.slice(0, first), ...parsed.children, ...rest] };
  if (previous.tree.position) tree.position = { start: previous.tree.position.start, end: endPoint(text, lineStarts) };
  return tree;
}

/**
 * Where two versions of a text differ: `same` characters alike at the start, then `sameEnd` alike at
 * the end, counted only where they do not overlap the start's (so `same + sameEnd` is at most the
 * shorter length). Compared in place: neither text is copied.
 */
export interface TextChange {
  same: number;
  sameEnd: number;
}

export function textChange(old: string, text: string): TextChange {
  const shortest = Math.min(old.length, text.length);
  let same = 0;
  while (same < shortest && old.charCodeAt(same) === text.charCodeAt(same)) same++;
  let sameEnd = 0;
  while (sameEnd < shortest - same && old.charCodeAt(old.length - 1 - sameEnd) === text.charCodeAt(text.length - 1 - sameEnd)) sameEnd++;
  return { same, sameEnd };
}

function startOf(node: RootContent): number {
  return node.position?.start.offset ?? 0;
}

/**
 * Whether the part's last block, or the last block nested at its end (a fence in a list's last item),
 * is a code fence or HTML block left open: a parse of the whole would end it before the blank line
 * that the part ends with, or run it on into what follows.
 */
function leftOpen(parsed: Root, part: string): boolean {
  for (let node: Nodes | undefined = parsed.children.at(-1); node; node = 'children' in node ? (node.children.at(-1) as Nodes | undefined) : undefined) {
    if (unclosedBlockAtEnd(node as RootContent, part)) return true;
  }
  return false;
}

/**
 * A top-level block at the start of a line after a blank line, where a parse starts afresh: an ATX
 * heading, or a block whose first character is a letter (a paragraph, a table or a setext heading). That
 * the previous parse found a top-level block there shows no code fence or HTML block was left open
 * before it; a line that starts with a letter, unindented, after a blank line, continues no list or
 * quote (their items start with a marker or are indented) and opens nothing that runs past a blank
 * line, so it also starts afresh however the text after its first letter is edited.
 */
function freshStart(node: RootContent, text: string): boolean {
  const at = startOf(node);
  if (node.position?.start.column !== 1 || !blankLineBefore(text, at)) return false;
  return node.type === 'heading' ? text.charCodeAt(at) === 35 : LETTER.test(text.slice(at, at + 2));
}

/** The line before `at` (a line start) is blank. */
function blankLineBefore(text: string, at: number): boolean {
  let index = at - 1;
  if (text.charCodeAt(index) !== 10) return false;
  index--;
  if (text.charCodeAt(index) === 13) index--;
  while (index >= 0 && (text.charCodeAt(index) === 32 || text.charCodeAt(index) === 9)) index--;
  return index >= 0 && (text.charCodeAt(index) === 10 || text.charCodeAt(index) === 13);
}

/** Where the text ends, as the parser gives the root's end. */
function endPoint(text: string, lineStarts: number[]): { line: number; column: number; offset: number } {
  return { line: lineStarts.length, column: text.length - lineStarts.at(-1)! + 1, offset: text.length };
}

/** Moves a node and everything in it by `offset` characters and `lines` lines. */
export function move(node: Nodes, offset: number, lines: number): void {
  if (offset === 0 && lines === 0) return;
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const each = stack.pop()!;
    if (each.position) {
      const { start, end } = each.position;
      each.position = { start: { ...start, offset: (start.offset ?? 0) + offset, line: start.line + lines }, end: { ...end, offset: (end.offset ?? 0) + offset, line: end.line + lines } };
    }
    if ('children' in each) for (const child of each.children) stack.push(child as Nodes);
  }
}
