import { isPlaceholderText, withoutPlaceholders } from '../document/normalize';
import type { PolicyDocument, TextBlock } from '../document/types';
import { wordsOf, type Word } from '../text/words';
import { findConcept } from './concepts';
import type { EvidenceGroup, EvidencePattern, EvidenceTerm, WordTest } from './evidence';

/** Where prose evidence for an element was found: the block, and the words that matched, one per concept group. */
export interface ProseEvidence {
  block: TextBlock;
  words: string[];
}

interface IndexedBlock {
  block: TextBlock;
  ownText: string;
  contextText: string;
  own: Word[];
  context: Word[];
}

/** How a group holds in a block: in the block's own words, or only in the text framing it. */
const OWN = 2;
const CONTEXT = 1;

/**
 * A sentence that declares the topic does not apply is not evidence that it is handled ("The company
 * does not outsource development."). A prohibition still is ("Live data is not used in testing", "Do
 * not use USB drives", "Developers do not have access to production").
 */
const NOT_APPLICABLE =
  /\b(?:not applicable|does not apply|do not apply|out of scope|is not in scope|do not outsource|does not (?:currently )?(?:use|have|operate|host|outsource|maintain|store|process)\b)/i;
/** "including but not limited to" says nothing about limits, nor "in order to" about orders. */
const NOT_LIMITED = /\b(?:including,? )?but (?:is |are )?not limited to\b|\bin order (?:to|for)\b/gi;
const LINK_TARGET = /\]\([^)\n]*\)|<https?:[^>\s]*>|https?:\/\/\S+/g;

function prepare(text: string, own: boolean): string {
  const clean = (own ? withoutPlaceholders(text) : text).replace(LINK_TARGET, ' ').replace(NOT_LIMITED, ' ');
  if (!own || !NOT_APPLICABLE.test(clean)) return clean;
  return clean
    .split(/(?<=[.!?])\s+|\n/)
    .filter((sentence) => !NOT_APPLICABLE.test(sentence))
    .join(' ');
}

const indexes = new WeakMap<PolicyDocument, BlockIndex>();

/**
 * The words of every block of one document, indexed by stem, so an element's evidence is looked up
 * rather than scanned for. Built on first use (only documents with an element not found under a
 * heading need it) and kept with the document.
 */
export class BlockIndex {
  private readonly entries: IndexedBlock[] = [];
  private readonly ownStems = new Map<string, number[]>();
  private readonly contextStems = new Map<string, number[]>();
  private readonly groups = new Map<EvidenceGroup, Map<number, number>>();

  static of(document: PolicyDocument): BlockIndex {
    let index = indexes.get(document);
    if (!index) indexes.set(document, (index = new BlockIndex(document)));
    return index;
  }

  private constructor(document: PolicyDocument) {
    // A title with nothing but placeholders after it is a heading left empty, not evidence: not on its own, nor inside a section.
    const emptyTitled = document.blocks.filter((block) => block.title && isPlaceholderText(untitled(document.text, block)));
    const holes = emptyTitled.filter((block) => block.kind !== 'section').map((block) => block.range);
    const slice = (ranges: TextBlock['own']) => ranges.map((range) => withHoles(document.text, range, holes)).join('\n');
    for (const block of document.blocks) {
      if (emptyTitled.includes(block)) continue;
      const ownText = prepare(slice(block.own), true);
      const own = wordsOf(ownText);
      if (own.length === 0) continue;
      const contextText = prepare(slice(block.context), false);
      const index = this.entries.length;
      this.entries.push({ block, ownText, contextText, own, context: wordsOf(contextText) });
      for (const word of own) post(this.ownStems, word.stem, index);
      for (const word of this.entries[index]!.context) post(this.contextStems, word.stem, index);
    }
  }

  /**
   * The first block where every group of the pattern holds, at least one in the block's own words:
   * a paragraph, list item or table row before a whole section (the narrower place is the better
   * explanation), then in document order.
   */
  find(pattern: EvidencePattern): ProseEvidence | undefined {
    const results = pattern.groups.map((group) => this.group(group)).sort((a, b) => a.size - b.size);
    let best: number | undefined;
    const rank = (index: number) => (this.entries[index]!.block.kind === 'section' ? this.entries.length : 0) + index;
    for (const [index, first] of results[0] ?? []) {
      if (best !== undefined && rank(index) >= rank(best)) continue;
      let own = first === OWN;
      let all = true;
      for (let g = 1; g < results.length && all; g++) {
        const how = results[g]!.get(index);
        if (how === undefined) all = false;
        else if (how === OWN) own = true;
      }
      if (all && own) best = index;
    }
    if (best === undefined) return undefined;
    const entry = this.entries[best]!;
    return { block: entry.block, words: explain(entry, pattern) };
  }

  /** Blocks where all groups but one hold (a near miss), with the index of the group that does not: for tuning and for explanations. */
  nearMisses(pattern: EvidencePattern): { block: TextBlock; missing: number }[] {
    if (pattern.groups.length < 2) return [];
    const results = pattern.groups.map((group) => this.group(group));
    const misses: { block: TextBlock; missing: number }[] = [];
    this.entries.forEach((entry, index) => {
      const failed = results.flatMap((result, g) => (result.has(index) ? [] : [g]));
      if (failed.length === 1) misses.push({ block: entry.block, missing: failed[0]! });
    });
    return misses;
  }

  /** The blocks where a group holds, each with how (OWN or CONTEXT); computed once per group per document. */
  private group(group: EvidenceGroup): Map<number, number> {
    let result = this.groups.get(group);
    if (result) return result;
    result = new Map();
    for (const term of group) {
      for (const [index, how] of this.term(term)) if ((result.get(index) ?? 0) < how) result.set(index, how);
    }
    this.groups.set(group, result);
    return result;
  }

  private term(term: EvidenceTerm): Map<number, number> {
    const found = new Map<number, number>();
    if (term.kind === 'concept') {
      this.entries.forEach((entry, index) => {
        if (findConcept(term.concept, entry.ownText)) found.set(index, OWN);
        else if (entry.contextText && findConcept(term.concept, entry.contextText)) found.set(index, CONTEXT);
      });
      return found;
    }
    const first = term.words[0]!;
    // A word start ("recertif*") is tested against the words as written, in every block.
    const candidates = (postings: Map<string, number[]>) => ('stem' in first ? (postings.get(first.stem) ?? []) : this.entries.keys());
    for (const index of candidates(this.contextStems)) if (locate(this.entries[index]!.context, term.words) >= 0) found.set(index, CONTEXT);
    for (const index of candidates(this.ownStems)) if (locate(this.entries[index]!.own, term.words) >= 0) found.set(index, OWN);
    return found;
  }
}

/** The text of a range with the parts inside any hole left out. */
function withHoles(text: string, range: { start: number; end: number }, holes: { start: number; end: number }[]): string {
  let result = '';
  let at = range.start;
  for (const hole of holes) {
    if (hole.end <= at || hole.start >= range.end) continue;
    result += text.slice(at, Math.max(at, hole.start));
    at = Math.max(at, hole.end);
  }
  return result + text.slice(at, range.end);
}

/** The block's own text without its title. */
function untitled(text: string, block: TextBlock): string {
  const title = block.title!;
  return block.own.map((range) => text.slice(range.start, Math.max(range.start, Math.min(range.end, title.start))) + text.slice(Math.max(range.start, title.end), range.end)).join('\n');
}

function post(postings: Map<string, number[]>, stem: string, index: number): void {
  const list = postings.get(stem);
  if (!list) postings.set(stem, [index]);
  else if (list.at(-1) !== index) list.push(index);
}

function matchesWord(test: WordTest, word: Word): boolean {
  if (!('stem' in test)) return word.surface.startsWith(test.prefix) || word.american.startsWith(test.prefix);
  return test.stem === word.stem && (test.exact ? word.base === test.base : word.base.startsWith(test.base));
}

/** Where the words occur in a row, or -1. */
function locate(words: Word[], tests: WordTest[]): number {
  outer: for (let i = 0; i + tests.length <= words.length; i++) {
    for (let t = 0; t < tests.length; t++) {
      const word = words[i + t]!;
      if (!matchesWord(tests[t]!, word)) continue outer;
    }
    return i;
  }
  return -1;
}

/** The words that made each group hold, as written: the framing text's first, then the block's in order. */
function explain(entry: IndexedBlock, pattern: EvidencePattern): string[] {
  const hits: { text: string; own: boolean; at: number }[] = [];
  for (const group of pattern.groups) {
    let hit: (typeof hits)[number] | undefined;
    for (const own of [true, false]) {
      for (const term of group) {
        const found = termHit(entry, term, own);
        if (found && (!hit || found.at < hit.at)) hit = found;
      }
      if (hit) break;
    }
    if (hit && !hits.some((other) => other.text === hit.text)) hits.push(hit);
  }
  return hits.sort((a, b) => Number(a.own) - Number(b.own) || a.at - b.at).map((hit) => hit.text);
}

function termHit(entry: IndexedBlock, term: EvidenceTerm, own: boolean): { text: string; own: boolean; at: number } | undefined {
  const text = own ? entry.ownText : entry.contextText;
  if (term.kind === 'concept') {
    const span = findConcept(term.concept, text);
    return span && { text: text.slice(span.start, span.end), own, at: span.start };
  }
  const words = own ? entry.own : entry.context;
  const at = locate(words, term.words);
  if (at < 0) return undefined;
  return { text: words.slice(at, at + term.words.length).map((word) => word.surface).join(' '), own, at: words[at]!.start };
}
