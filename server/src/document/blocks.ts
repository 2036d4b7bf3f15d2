import type { Code, List, ListItem, Nodes, Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { linesIn } from './lines';
import { wordCount } from './normalize';
import { readTable } from './tables';
import type { Range, TextBlock } from './types';

/** A title that opens a sub-topic without a Markdown heading: a bold-only line, a bold or label lead-in, a table row label. */
export interface RawTitle {
  title: string;
  titleRange: Range;
  /** Lead-ins only: the text they open. A pseudo-heading's body runs to the next heading or pseudo-heading. */
  bodyRange?: Range;
}

export interface BlockParts {
  blocks: TextBlock[];
  pseudoHeadings: RawTitle[];
  leadIns: RawTitle[];
}

/** A label at the start of a list item, before a colon or dash: "Access reviews: …", "Frequency – …". */
const LABEL = /^([^\s:–—.!?][^:–—.!?\n]{1,58}?)\s*(?::|\s[-–—])\s+(?=\S)/;
/** Numbering before a bold line: "a.", "3)", "iv.". */
const MARKER = /^\s*(?:[0-9]+|[a-z]|[ivxlc]+)[.)]\s*$/i;
/** An item marker in an indented block written as a list (pandoc-style "i.", "1.", "a)" lines). */
const ITEM_MARKER = /^(\s*)(?:[0-9]+|[a-z]|[ivxlc]+|[-*+])[.)]?\s+(?=\S)/i;
const MAX_TITLE_WORDS = 10;
/** Blocks nested deeper than this (only hostile or broken documents do it) are not looked into. */
const MAX_DEPTH = 24;

function range(node: Nodes): Range {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/**
 * The paragraph is only bold text (after optional numbering such as "a."), or only italic text of
 * a few words: a heading written by a word processor. Returns its title and the emphasised span.
 */
function pseudoHeadingTitle(paragraph: Paragraph): RawTitle | undefined {
  const children = paragraph.children.filter(
    (child) => !(child.type === 'text' && (!child.value.trim() || /^\s*[:.]\s*$/.test(child.value) || MARKER.test(child.value))) && !(child.type === 'html' && child.value.startsWith('<!--')),
  );
  if (children.length !== 1) return undefined;
  const only = children[0]!;
  if (only.type !== 'strong' && only.type !== 'emphasis') return undefined;
  const title = toString(only, { includeHtml: false }).trim().replace(/[:\-–—]+$/, '').trim();
  const words = wordCount(title);
  if (words === 0 || words > MAX_TITLE_WORDS || (only.type === 'emphasis' && /[.!?]$/.test(title))) return undefined;
  return { title, titleRange: range(only) };
}

/** `**Session time-out.** text`: a paragraph opening with bold text that names its topic. */
function boldLeadIn(paragraph: Paragraph, end: number): RawTitle | undefined {
  const first = paragraph.children[0];
  if (first?.type !== 'strong' || !first.position) return undefined;
  const title = toString(first, { includeHtml: false }).trim().replace(/[.:\-–—]+$/, '').trim();
  if (!title) return undefined;
  const titleRange = range(first);
  return { title, titleRange, bodyRange: { start: titleRange.end, end } };
}

/** `Access reviews: text`: a list item opening with a short plain label. */
function labelLeadIn(paragraph: Paragraph, text: string, end: number): RawTitle | undefined {
  const first = paragraph.children[0];
  if (first?.type !== 'text' || !first.position) return undefined;
  const match = LABEL.exec(first.value);
  if (!match || wordCount(match[1]!) > 6) return undefined;
  const start = first.position.start.offset!;
  const titleRange = { start, end: start + match[1]!.length };
  if (text.slice(titleRange.start, titleRange.end) !== match[1]) return undefined;
  return { title: match[1]!.trim(), titleRange, bodyRange: { start: start + match[0].length, end } };
}

/** An indented block that is prose written as a list (pandoc's "i." items), not code. */
function isIndentedProse(code: Code, text: string): boolean {
  const source = text.slice(range(code).start, range(code).end);
  if (/^\s*(?:```|~~~)/.test(source) || code.lang) return false;
  const letters = (code.value.match(/\p{L}/gu) ?? []).length;
  return ITEM_MARKER.test(code.value) && letters > code.value.length * 0.6 && !/[{};=<>]\s*$/m.test(code.value);
}

/**
 * Walks the block structure of a Markdown tree once and returns the blocks prose evidence is looked
 * for in (paragraphs, list items, table rows; sections are added by the caller), with the text that
 * frames each, plus the pseudo-headings and lead-ins found on the way.
 */
export function readBlocks(nodes: RootContent[], text: string): BlockParts {
  const parts: BlockParts = { blocks: [], pseudoHeadings: [], leadIns: [] };
  walk(nodes, text, parts, [], 0);
  return parts;
}

function walk(nodes: RootContent[], text: string, parts: BlockParts, frame: Range[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  let previous: Range | undefined;
  for (const node of nodes) {
    const nodeRange = range(node);
    switch (node.type) {
      case 'paragraph': {
        const table = readTable(text, nodeRange);
        if (table) {
          for (const row of table.rows) {
            parts.blocks.push({ kind: 'table-row', range: row.range, own: row.own, context: [...frame, ...(table.header ?? [])], title: row.label?.titleRange });
            if (row.label) parts.leadIns.push(row.label);
          }
          previous = undefined;
          break;
        }
        const pseudo = frame.length === 0 ? pseudoHeadingTitle(node) : undefined;
        if (pseudo) {
          parts.pseudoHeadings.push(pseudo);
          previous = undefined;
          break;
        }
        const leadIn = boldLeadIn(node, nodeRange.end);
        if (leadIn) parts.leadIns.push(leadIn);
        parts.blocks.push({ kind: 'paragraph', range: nodeRange, own: [nodeRange], context: [...frame], title: leadIn?.titleRange });
        previous = nodeRange;
        break;
      }
      case 'list':
        walkList(node, text, parts, previous ? [...frame, previous] : frame, depth + 1);
        previous = undefined;
        break;
      case 'blockquote':
        walk(node.children, text, parts, frame, depth + 1);
        previous = undefined;
        break;
      case 'code':
        if (isIndentedProse(node, text)) indentedItems(nodeRange, text, parts, previous ? [...frame, previous] : frame);
        previous = undefined;
        break;
      default:
        previous = undefined;
    }
  }
}

function walkList(list: List, text: string, parts: BlockParts, frame: Range[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const item of list.children) walkItem(item, text, parts, frame, depth);
}

function walkItem(item: ListItem, text: string, parts: BlockParts, frame: Range[], depth: number): void {
  const itemRange = range(item);
  const own = item.children.filter((child) => child.type !== 'list').map(range);
  const first = item.children[0];
  let leadIn: RawTitle | undefined;
  if (first?.type === 'paragraph') {
    const pseudo = pseudoHeadingTitle(first);
    leadIn = pseudo ? { ...pseudo, bodyRange: { start: pseudo.titleRange.end, end: itemRange.end } } : boldLeadIn(first, itemRange.end) ?? labelLeadIn(first, text, itemRange.end);
    if (leadIn) parts.leadIns.push(leadIn);
  }
  if (own.length > 0) parts.blocks.push({ kind: 'list-item', range: { start: own[0]!.start, end: own.at(-1)!.end }, own, context: [...frame], title: leadIn?.titleRange });
  const nested = [...frame.slice(-1), ...own];
  for (const child of item.children) {
    if (child.type === 'list') walkList(child, text, parts, nested, depth + 1);
    else if (child.type === 'code' && isIndentedProse(child, text)) indentedItems(range(child), text, parts, nested);
  }
}

/** The items of an indented block written as a list: each "i." line and its continuation lines; deeper items are framed by their parent. */
function indentedItems(block: Range, text: string, parts: BlockParts, frame: Range[]): void {
  const items: { indent: number; range: Range }[] = [];
  for (const line of linesIn(text, block)) {
    if (!line.text.trim()) continue;
    const end = line.start + line.text.length;
    const marker = ITEM_MARKER.exec(line.text);
    if (marker || items.length === 0) items.push({ indent: marker ? marker[1]!.length : line.text.search(/\S/), range: { start: line.start + line.text.search(/\S/), end } });
    else items.at(-1)!.range.end = end;
  }
  items.forEach((item, index) => {
    let parent: Range | undefined;
    for (let back = index - 1; back >= 0; back--) {
      if (items[back]!.indent < item.indent) {
        parent = items[back]!.range;
        break;
      }
    }
    parts.blocks.push({ kind: 'list-item', range: item.range, own: [item.range], context: parent ? [...frame.slice(-1), parent] : [...frame] });
  });
}
