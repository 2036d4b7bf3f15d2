import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { normalizeClauseId } from '../catalog/clauseId';
import { readBlocks, type RawTitle } from './blocks';
import { headingKey, isPlaceholderText, looseHeadingKey } from './normalize';
import type { ClauseMention, PolicyDocument, Range, Section, Suppression, TextBlock } from './types';
import { unclosedBlockAtEnd } from './unclosedBlock';

/** One processor per process: building it is not free, parsing with it is reentrant. */
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);

/**
 * Clause references in prose: "ISO 27799 9.4.2", "ISO 27799:2016 §9.4.2", "27799 9.4.2", "§9.4.2", and
 * "ISO/IEC 27002:2022 5.15", "27002 5.15". A bare "9.4.2" is not one (versions and section numbers look the
 * same). Which of them cite the catalog in use is decided later (catalog/mentions.ts).
 */
const MENTION = /(?:\bISO(?:\/IEC)?\s*(?:27799|27002)(?::\s*20\d\d)?\s*(?:§\s*)?|\b(?:27799|27002)(?::\s*20\d\d)?\s+(?:§\s*)?|§\s*)(\d{1,2}(?:\.\d{1,2}){0,2})(?![.\d]*\d)/g;
const SUPPRESSION = /<!--\s*clausewise-(disable-next-line|disable-file|disable|enable)\b([^>]*?)-->/g;

/** What the Markdown body gives a document (see PolicyDocument for each part). */
export type BodyParts = Pick<PolicyDocument, 'sections' | 'blocks' | 'title' | 'mentions' | 'links' | 'suppressions' | 'unclosed'>;

interface RawHeading {
  depth: number;
  title: string;
  titleRange: Range;
}

/** The Markdown tree of a text (frontmatter as a `yaml` or `toml` node). */
export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}

/** Walks the Markdown tree once, collecting sections, blocks, lead-ins, clause mentions, links and suppressions. */
export function readBody(text: string, lineOf: (offset: number) => number, tree = parseMarkdown(text)): BodyParts {
  const headings: RawHeading[] = [];
  const parts: BodyParts = { sections: [], blocks: [], mentions: [], links: [], suppressions: [] };
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    switch (node.type) {
      case 'heading':
        headings.push({ depth: node.depth, title: toString(node, { includeHtml: false }).trim(), titleRange: { start, end } });
        if (node.depth === 1 && parts.title === undefined) parts.title = toString(node, { includeHtml: false }).trim();
        break;
      case 'text':
        collectMentions(text.slice(start, end), start, parts.mentions);
        break;
      case 'link':
      case 'definition':
        parts.links.push({ url: node.url, range: { start, end } });
        break;
      case 'html':
        collectSuppressions(node.value, start, lineOf, parts.suppressions);
        break;
      case 'code':
      case 'inlineCode':
      case 'yaml':
        continue;
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  const { blocks, pseudoHeadings, leadIns } = readBlocks(tree.children, text);
  const titled = titledSections(headings, pseudoHeadings, text);
  parts.sections = [...titled, ...leadIns.map((leadIn) => section('lead-in', leadIn.title, 7, leadIn.titleRange, leadIn.bodyRange!, text))].sort(
    (a, b) => a.titleRange.start - b.titleRange.start,
  );
  parts.blocks = frameBlocks(blocks, titled, text);
  parts.mentions.sort((a, b) => a.range.start - b.range.start);
  const unclosed = unclosedBlockAtEnd(tree.children.at(-1), text);
  if (unclosed) parts.unclosed = unclosed;
  return parts;
}

/**
 * Headings and pseudo-headings with their extent: a heading's section runs to the next heading of the
 * same or a higher level; a pseudo-heading's to the next heading or pseudo-heading.
 */
function titledSections(headings: RawHeading[], pseudoHeadings: RawTitle[], text: string): Section[] {
  const titles = [...headings, ...pseudoHeadings.map((pseudo) => ({ ...pseudo, depth: 0 }))].sort((a, b) => a.titleRange.start - b.titleRange.start);
  return titles.map((title, index) => {
    let end = text.length;
    for (let next = index + 1; next < titles.length; next++) {
      const other = titles[next]!;
      if (title.depth === 0 || (other.depth !== 0 && other.depth <= title.depth)) {
        end = other.titleRange.start;
        break;
      }
    }
    return title.depth === 0
      ? section('pseudo-heading', title.title, 7, title.titleRange, { start: title.titleRange.end, end }, text)
      : section('heading', title.title, title.depth, title.titleRange, { start: title.titleRange.end, end }, text);
  });
}

/** A section this short is one block: its words may sit in different sentences and still be about one thing. */
const SHORT_SECTION_WORDS = 80;

/**
 * Gives each block the nearest heading or pseudo-heading before it as context, and adds a block for
 * each short section (its title and its text up to the next title of any level) that holds more than
 * one block: a section of one block says nothing that block and its heading do not.
 */
function frameBlocks(blocks: TextBlock[], titled: Section[], text: string): TextBlock[] {
  const framed: TextBlock[] = [];
  const blocksUnder = new Array<number>(titled.length).fill(0);
  let current = -1;
  for (const block of blocks) {
    while (current + 1 < titled.length && titled[current + 1]!.titleRange.start < block.range.start) current++;
    const heading = titled[current];
    if (current >= 0) blocksUnder[current]!++;
    framed.push(heading ? { ...block, context: [heading.titleRange, ...block.context] } : block);
  }
  titled.forEach((title, index) => {
    if (blocksUnder[index]! < 2) return;
    const end = Math.min(title.bodyRange.end, titled[index + 1]?.titleRange.start ?? text.length);
    const body = { start: title.titleRange.end, end };
    if (countWords(text, body, SHORT_SECTION_WORDS + 1) <= SHORT_SECTION_WORDS) {
      framed.push({ kind: 'section', range: { start: title.titleRange.start, end }, own: [title.titleRange, body], context: [], title: title.titleRange });
    }
  });
  return framed.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
}

/** Words in a span, counting no further than `limit`. */
function countWords(text: string, span: Range, limit: number): number {
  let count = 0;
  let inWord = false;
  for (let i = span.start; i < span.end && count < limit; i++) {
    const code = text.charCodeAt(i);
    const letter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 127;
    if (letter && !inWord) count++;
    inWord = letter || (inWord && code >= 48 && code <= 57);
  }
  return count;
}

/**
 * A section whose emptiness is worked out on first use: headings nest, so checking every body
 * eagerly would read the document once per level, and only sections matched to elements are asked.
 */
export function section(kind: Section['kind'], title: string, depth: number, titleRange: Range, bodyRange: Range, text: string): Section {
  let empty: boolean | undefined;
  let looseKey: string | undefined;
  return {
    kind,
    title,
    key: headingKey(title),
    get looseKey() {
      looseKey ??= looseHeadingKey(title);
      return looseKey;
    },
    depth,
    titleRange,
    bodyRange,
    get empty() {
      empty ??= isPlaceholderText(text.slice(bodyRange.start, bodyRange.end));
      return empty;
    },
  };
}

function collectMentions(source: string, nodeStart: number, mentions: ClauseMention[]): void {
  if (!source.includes('27799') && !source.includes('27002') && !source.includes('§')) return;
  MENTION.lastIndex = 0;
  for (let match = MENTION.exec(source); match; match = MENTION.exec(source)) {
    const id = normalizeClauseId(match[1]!);
    if (id === undefined) continue;
    mentions.push({ id, text: match[0], range: { start: nodeStart + match.index, end: nodeStart + match.index + match[0].length } });
  }
}

function collectSuppressions(value: string, start: number, lineOf: (offset: number) => number, out: Suppression[]): void {
  SUPPRESSION.lastIndex = 0;
  for (let match = SUPPRESSION.exec(value); match; match = SUPPRESSION.exec(value)) {
    const offset = start + match.index;
    out.push({
      kind: match[1] as Suppression['kind'],
      rules: match[2]!.split(/[\s,]+/).filter(Boolean),
      line: lineOf(offset),
      range: { start: offset, end: offset + match[0].length },
    });
  }
}

