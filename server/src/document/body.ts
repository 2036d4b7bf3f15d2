import type { Nodes, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { normalizeClauseId } from '../catalog/clauseId';
import { headingKey, isPlaceholderText } from './normalize';
import type { ClauseMention, Link, Range, Section, Suppression } from './types';

/** One processor per process: building it is not free, parsing with it is reentrant. */
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);

/**
 * Clause references in prose: "ISO 27799 9.4.2", "ISO 27799:2016 §9.4.2", "27799 9.4.2", "§9.4.2".
 * A bare "9.4.2" is not one (versions and section numbers look the same).
 */
const MENTION = /(?:\bISO(?:\/IEC)?\s*27799(?::\s*20\d\d)?\s*(?:§\s*)?|\b27799(?::\s*20\d\d)?\s+(?:§\s*)?|§\s*)(\d{1,2}(?:\.\d{1,2}){0,2})(?![.\d]*\d)/g;
const SUPPRESSION = /<!--\s*clausewise-(disable-next-line|disable-file|disable|enable)\b([^>]*?)-->/g;

export interface BodyParts {
  sections: Section[];
  title?: string;
  mentions: ClauseMention[];
  links: Link[];
  suppressions: Suppression[];
}

interface RawHeading {
  depth: number;
  title: string;
  titleRange: Range;
}

/** Walks the Markdown tree once, collecting sections, lead-ins, clause mentions, links and suppressions. */
export function readBody(text: string, lineOf: (offset: number) => number): BodyParts {
  const tree = processor.parse(text) as Root;
  const headings: RawHeading[] = [];
  const leadIns: Section[] = [];
  const parts: BodyParts = { sections: [], mentions: [], links: [], suppressions: [] };
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
      case 'paragraph': {
        const leadIn = readLeadIn(node, text);
        if (leadIn) leadIns.push(leadIn);
        break;
      }
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
  parts.sections = mergeSections(headingSections(headings, text), leadIns);
  parts.mentions.sort((a, b) => a.range.start - b.range.start);
  return parts;
}

function headingSections(headings: RawHeading[], text: string): Section[] {
  return headings.map((heading, index) => {
    let end = text.length;
    for (let next = index + 1; next < headings.length; next++) {
      if (headings[next]!.depth <= heading.depth) {
        end = headings[next]!.titleRange.start;
        break;
      }
    }
    return section('heading', heading.title, heading.depth, heading.titleRange, { start: heading.titleRange.end, end }, text);
  });
}

/** `**Session time-out.** text` or `- **Session time-out**: text`: a sub-topic without its own heading. */
function readLeadIn(paragraph: Paragraph, text: string): Section | undefined {
  const first = paragraph.children[0];
  if (first?.type !== 'strong' || !first.position || !paragraph.position) return undefined;
  const title = toString(first, { includeHtml: false }).trim().replace(/[.:\-–—]+$/, '').trim();
  if (!title) return undefined;
  const titleRange = { start: first.position.start.offset!, end: first.position.end.offset! };
  return section('lead-in', title, 7, titleRange, { start: titleRange.end, end: paragraph.position.end.offset! }, text);
}

/**
 * A section whose emptiness is worked out on first use: headings nest, so checking every body
 * eagerly would read the document once per level, and only sections matched to elements are asked.
 */
function section(kind: Section['kind'], title: string, depth: number, titleRange: Range, bodyRange: Range, text: string): Section {
  let empty: boolean | undefined;
  return {
    kind,
    title,
    key: headingKey(title),
    depth,
    titleRange,
    bodyRange,
    get empty() {
      empty ??= isPlaceholderText(text.slice(bodyRange.start, bodyRange.end));
      return empty;
    },
  };
}

function mergeSections(headings: Section[], leadIns: Section[]): Section[] {
  return [...headings, ...leadIns].sort((a, b) => a.titleRange.start - b.titleRange.start);
}

function collectMentions(source: string, nodeStart: number, mentions: ClauseMention[]): void {
  if (!source.includes('27799') && !source.includes('§')) return;
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

