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

/**
 * The Markdown tree of `text`, an edit of `previous.text`, parsing again only the part between the
 * top-level headings around the change; undefined when that could read differently from a parse of
 * the whole (then parse the whole). A heading at the start of a line, after a blank line, with no code
 * fence or HTML block left open before it, starts afresh: nothing before it changes how what follows
 * parses, except link reference definitions, so a text with any (`]:`) is parsed whole. The tree of
 * `previous` is taken apart: its nodes after the change are moved in place.
 */
export function editedTree(previous: TreeReading, text: string, lineStarts: number[], bodyStart: number, change = textChange(previous.text, text)): Root | undefined {
  const old = previous.text;
  if (text.includes(']:') || old.includes(']:')) return undefined;
  const { same, sameEnd } = change;
  if (same < bodyStart) return undefined;
  const children = previous.tree.children;
  const delta = text.length - old.length;
  // The part to parse again starts at the last fresh start whose heading marker the change leaves as it was ...
  let first = children.findIndex((child) => startOf(child) >= bodyStart);
  if (first < 0) first = children.length;
  let start = bodyStart;
  for (let index = first; index < children.length; index++) {
    const at = startOf(children[index]!);
    if (at >= same) break;
    const opener = ATX_OPENER.exec(old.slice(at, at + 8));
    if (opener && at + opener[0].length < same && freshStart(children[index]!, old)) [first, start] = [index, at];
  }
  // ... and ends at the first fresh start after the change whose text is unchanged.
  let after = first;
  while (after < children.length && !(startOf(children[after]!) >= old.length - sameEnd && startOf(children[after]!) > start && freshStart(children[after]!, old))) after++;
  const end = after < children.length ? startOf(children[after]!) + delta : text.length;
  const part = text.slice(start, end);
  const parsed = partProcessor.parse(part) as Root;
  if (after < children.length && (!blankLineBefore(text, end) || unclosedBlockAtEnd(parsed.children.at(-1), part))) return undefined;
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

/** A top-level heading at the start of a line after a blank line (or at the start of the body). */
function freshStart(node: RootContent, text: string): boolean {
  return node.type === 'heading' && node.position?.start.column === 1 && text.charCodeAt(startOf(node)) === 35 && blankLineBefore(text, startOf(node));
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
