import { CAPACITY, isEditorDocument } from '../document/bodyReadings';
import { isPlaceholderText, withoutPlaceholders } from '../document/normalize';
import type { PolicyDocument, Range, TextBlock } from '../document/types';
import { OTHER_STEM, readWords, stemIdCount, stemIdsStartingWith, wordStarts, type Word } from '../text/words';
import { findConcept, type Concept } from './concepts';
import { SMALL_WORDS } from './termVariants';
import { TYPED_CONCEPT, WORD_START, type EvidenceGroup, type EvidencePattern, type EvidenceTerm, type WordTest } from './evidence';

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
  /** Where sentences end in `own` and in `context` (readWords). */
  ownBreaks: ReadonlySet<number>;
  contextBreaks: ReadonlySet<number>;
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
/**
 * A sentence announcing what a document covers ("This policy defines …", "The purpose of this
 * procedure is …") names topics without stating a rule for any of them: it is not evidence.
 */
const ANNOUNCES_SCOPE =
  /^\W*(?:this (?:policy|document|procedure|standard|plan|section)(?: also)? (?:defines|describes|establishes|outlines|sets out|sets forth|documents|explains|specifies|details|addresses|provides)\b|the (?:purpose|objective|aim|goal|intent) of this (?:policy|document|procedure|standard|plan|section) is\b)/i;
/** The same, anywhere in a text: only a text holding one is split into sentences. */
const SCOPE_HINT = new RegExp(ANNOUNCES_SCOPE.source.replace('^\\W*', '\\b'), 'i');
/** "including but not limited to" says nothing about limits, nor "in order to" about orders. */
const NOT_LIMITED = /\b(?:including,? )?but (?:is |are )?not limited to\b|\bin order (?:to|for)\b/gi;
const LINK_TARGET = /\]\([^)\n]*\)|<https?:[^>\s]*>|https?:\/\/\S+/g;

function prepare(text: string, own: boolean): string {
  const clean = (own ? withoutPlaceholders(text) : text).replace(LINK_TARGET, ' ').replace(NOT_LIMITED, ' ');
  if (!own || (!NOT_APPLICABLE.test(clean) && !SCOPE_HINT.test(clean))) return clean;
  return clean
    .split(/(?<=[.!?])\s+|\n/)
    .filter((sentence) => !NOT_APPLICABLE.test(sentence) && !ANNOUNCES_SCOPE.test(sentence))
    .join(' ');
}

/**
 * Filed by the document's blocks array, so each version of a document builds its own index, with one
 * exception: an edit of the frontmatter alone that leaves it as long in characters and lines (a clause
 * id for another of the same length) hands the next version its predecessor's very blocks array
 * (BodyReadings: nothing to move), whose body text and offsets are unchanged, and so this index. Any
 * other edit, of the body or a frontmatter that grew or shrank, gives new blocks and a new index.
 */
const indexes = new WeakMap<TextBlock[], BlockIndex>();

/**
 * The readings of the previous version of each document open in an editor, by the text read (own
 * words or framing, then the text): an edit reads again only the blocks it changed. A reading depends
 * on its text alone. Reading every block's words was a fifth of a body edit's work on the checking
 * thread (the bench's 31 KB document).
 */
const editorReadings = new Map<string, Map<string, Reading>>();

/**
 * The words of every block of one document, indexed by stem, so an element's evidence is looked up
 * rather than scanned for. Built on first use (only documents with an element not found under a
 * heading need it) and kept with the document.
 */
export class BlockIndex {
  private readonly entries: IndexedBlock[] = [];
  /** Every distinct word sequence: each block's own words, and each framing text once (many blocks share one). */
  private readonly texts: IndexedText[] = [];
  /**
   * Where each stem occurs, by stemId: text and position. (Past the ids given out one by one, every
   * stem is OTHER_STEM and shares a list; each occurrence is still compared word by word.)
   */
  private readonly byStem = new Map<number, Occurrence[]>();
  /** The stems that occur, by stemId, as bits: a term whose first stem is not here is passed over without a lookup. */
  private stems = new Uint32Array((stemIdCount() >> 5) + 64);
  /** The occurrences of each word start looked up ("recertif*"). */
  private readonly starts = new Map<string, Occurrence[]>();
  private readonly groups = new Map<EvidenceGroup, Map<number, number>>();
  private readonly concepts = new Map<Concept, Uint8Array>();

  static of(document: PolicyDocument): BlockIndex {
    let index = indexes.get(document.blocks);
    if (!index) indexes.set(document.blocks, (index = new BlockIndex(document)));
    return index;
  }

  private constructor(document: PolicyDocument) {
    // A title with nothing but placeholders after it is a heading left empty, not evidence: not on its own, nor inside a section.
    const emptyTitled = new Set(document.blocks.filter((block) => block.title && isPlaceholderText(untitled(document.text, block))));
    const holes = [...emptyTitled].filter((block) => block.kind !== 'section').map((block) => block.range);
    // Each range of text is read once, however many blocks it belongs to (a paragraph, the section around
    // it, the list items it introduces).
    const readings = new Map<number, Reading>();
    const kept = isEditorDocument(document) ? new Map<string, Reading>() : undefined;
    const previous = kept && editorReadings.get(document.path);
    const readOne = (range: Range, own: boolean): Reading => {
      // Offsets stay far below 2^24 (documents are at most a few MB), so start, end and `own` pack in one number.
      const key = (range.start * 2 ** 24 + range.end) * 2 + (own ? 1 : 0);
      let reading = readings.get(key);
      if (!reading) {
        const raw = withHoles(document.text, range, holes);
        const textKey = kept && `${own ? 1 : 0}${raw}`;
        reading = textKey === undefined ? undefined : (previous?.get(textKey) ?? kept!.get(textKey));
        if (!reading) {
          const text = prepare(raw, own);
          reading = { text, ...readWords(text) };
        }
        if (textKey !== undefined) kept!.set(textKey, reading);
        readings.set(key, reading);
      }
      return reading;
    };
    const read = (ranges: Range[], own: boolean): Reading => {
      if (ranges.length === 1) return readOne(ranges[0]!, own);
      const parts = ranges.map((range) => readOne(range, own));
      // Each part is a paragraph, list item, heading or table cell of its own, and a phrase never runs
      // from one into the next, except from one line of a grid table's cell to the line below it.
      const breaks = new Set<number>();
      let offset = 0;
      parts.forEach((part, index) => {
        if (index > 0 && !continuesCell(document.text, ranges[index - 1]!, ranges[index]!)) breaks.add(offset);
        for (const at of part.breaks) breaks.add(offset + at);
        offset += part.words.length;
      });
      return { text: parts.map((part) => part.text).join('\n'), words: parts.flatMap((part) => part.words), breaks };
    };
    const leaves = document.blocks.filter((block) => block.kind !== 'section' && !emptyTitled.has(block));
    // Many blocks share their framing text (the heading above a list): index each once.
    const framings = new Map<string, IndexedText>();
    const leafTexts = new Map<TextBlock, IndexedText>();
    const sections: { entry: number; ranges: Range[]; inside: TextBlock[] }[] = [];
    for (const block of document.blocks) {
      if (emptyTitled.has(block)) continue;
      // A section's own words are its title's and those of the blocks inside it.
      const inside = block.kind === 'section' ? leavesWithin(leaves, block.range) : undefined;
      const ownRanges = inside ? [block.own[0]!, ...inside.flatMap((leaf) => leaf.own)] : block.own;
      const { text: ownText, words: own, breaks: ownBreaks } = read(ownRanges, true);
      if (own.length === 0) continue;
      const entry = this.entries.length;
      if (inside) sections.push({ entry, ranges: ownRanges, inside });
      else leafTexts.set(block, this.add({ text: ownText, words: own, breaks: ownBreaks, own: true, entries: [entry] }));
      const framingKey = block.context.length === 1 ? `${block.context[0]!.start}:${block.context[0]!.end}` : block.context.map((range) => `${range.start}:${range.end}`).join(',');
      let framing = framings.get(framingKey);
      if (!framing) {
        const { text, words, breaks } = read(block.context, false);
        framings.set(framingKey, (framing = this.add({ text, words, breaks, own: false, entries: [] })));
      }
      framing.entries.push(entry);
      this.entries.push({ block, ownText, contextText: framing.text, own, context: framing.words, ownBreaks, contextBreaks: framing.breaks });
    }
    // A section's words are its title's and its blocks', with a break between any two of them: a
    // phrase found in the section is found in one of them, so the section is filed with each rather
    // than indexed again. Only where a table cell runs on from one block into the next is it read whole.
    for (const section of sections) {
      const { own, ownText, ownBreaks } = this.entries[section.entry]!;
      if (!this.linkSection(document.text, section, leafTexts, readOne(section.ranges[0]!, true))) {
        this.add({ text: ownText, words: own, breaks: ownBreaks, own: true, entries: [section.entry] });
      }
    }
    if (kept) {
      editorReadings.delete(document.path);
      editorReadings.set(document.path, kept);
      if (editorReadings.size > CAPACITY) editorReadings.delete(editorReadings.keys().next().value!);
    }
  }

  /** Files a section with its title's words and with each block inside it, when no phrase can run from one into the next; else false. */
  private linkSection(text: string, { entry, ranges, inside }: { entry: number; ranges: Range[]; inside: TextBlock[] }, leafTexts: Map<TextBlock, IndexedText>, title: Reading): boolean {
    // `ranges` holds the title, then each block's own ranges in turn.
    let at = 1;
    for (const leaf of inside) {
      if (leaf.own.length > 0 && continuesCell(text, ranges[at - 1]!, ranges[at]!)) return false;
      at += leaf.own.length;
    }
    if (title.words.length > 0) this.add({ text: title.text, words: title.words, breaks: title.breaks, own: true, entries: [entry] });
    for (const leaf of inside) leafTexts.get(leaf)?.entries.push(entry);
    return true;
  }

  private add(text: IndexedText): IndexedText {
    const index = this.texts.length;
    this.texts.push(text);
    const { words } = text;
    const base = index * POSITIONS;
    for (let at = 0; at < words.length; at++) {
      const { stemId } = words[at]!;
      if (stemId >> 5 >= this.stems.length) this.growStems(stemId);
      this.stems[stemId >> 5]! |= 1 << (stemId & 31);
      const occurrence = base + (at < POSITIONS ? at : POSITIONS - 1);
      const list = this.byStem.get(stemId);
      if (list) list.push(occurrence);
      else this.byStem.set(stemId, [occurrence]);
    }
    return text;
  }

  private growStems(id: number): void {
    const stems = new Uint32Array((id >> 5) + 64);
    stems.set(this.stems);
    this.stems = stems;
  }

  /** Whether a stem may occur: it does, or it is one of the stems past the ids given out one by one (OTHER_STEM). */
  private mayHave(id: number): boolean {
    return id === OTHER_STEM || (id >> 5 < this.stems.length && (this.stems[id >> 5]! & (1 << (id & 31))) !== 0);
  }

  /**
   * The first block where every group of the pattern holds, at least one in the block's own words:
   * a paragraph, list item or table row before a whole section (the narrower place is the better
   * explanation), then in document order. Typed concepts (regular expressions) are tried only on the
   * blocks the words already allow. `accept`, when given, must also agree: it is told which groups
   * hold in the block's own words (the others hold only in its framing text).
   */
  find(pattern: EvidencePattern, accept?: (block: TextBlock, own: readonly boolean[]) => boolean): ProseEvidence | undefined {
    const { groups, stems } = pattern;
    // Groups of words alone are looked up first, and the first one found nowhere ends the search.
    let seed: Map<number, number> | undefined;
    for (let g = 0; g < groups.length; g++) {
      if (stems[g]!.includes(TYPED_CONCEPT)) continue;
      const blocks = this.words(groups[g]!, stems[g]!);
      if (blocks.size === 0) return undefined;
      if (!seed || blocks.size < seed.size) seed = blocks;
    }
    seed ??= this.everywhere(pattern, 0);
    let best: number | undefined;
    const rank = (index: number) => (this.entries[index]!.block.kind === 'section' ? this.entries.length : 0) + index;
    for (const index of seed.keys()) {
      if (best !== undefined && rank(index) >= rank(best)) continue;
      let own = false;
      let all = true;
      const owned: boolean[] | undefined = accept && [];
      for (let g = 0; g < groups.length && all; g++) {
        const how = this.holds(pattern, g, index);
        if (how === 0) all = false;
        else if (how === OWN) own = true;
        owned?.push(how === OWN);
      }
      if (all && own && (!accept || accept(this.entries[index]!.block, owned!))) best = index;
    }
    if (best === undefined) return undefined;
    const entry = this.entries[best]!;
    return { block: entry.block, words: explain(entry, pattern) };
  }

  /** Blocks where all groups but one hold (a near miss), with the index of the group that does not: for tuning and for explanations. */
  nearMisses(pattern: EvidencePattern): { block: TextBlock; missing: number }[] {
    if (pattern.groups.length < 2) return [];
    const misses: { block: TextBlock; missing: number }[] = [];
    this.entries.forEach((entry, index) => {
      const failed = pattern.groups.flatMap((_group, g) => (this.holds(pattern, g, index) ? [] : [g]));
      if (failed.length === 1) misses.push({ block: entry.block, missing: failed[0]! });
    });
    return misses;
  }

  /** How a pattern's group g holds in one block: OWN, CONTEXT or 0. */
  private holds(pattern: EvidencePattern, g: number, index: number): number {
    const group = pattern.groups[g]!;
    let how = this.words(group, pattern.stems[g]!).get(index) ?? 0;
    if (how === OWN) return how;
    for (const term of group) {
      if (term.kind === 'concept') how = Math.max(how, this.concept(term.concept, index));
      if (how === OWN) break;
    }
    return how;
  }

  /** Every block where a group holds, concepts included (when no group of a pattern is made of words alone). */
  private everywhere(pattern: EvidencePattern, g: number): Map<number, number> {
    const result = new Map<number, number>();
    this.entries.forEach((_entry, index) => {
      const how = this.holds(pattern, g, index);
      if (how) result.set(index, how);
    });
    return result;
  }

  /** Whether a typed concept occurs in a block's own words (OWN), only in its framing text (CONTEXT), or not (0); once per block. */
  private concept(concept: Concept, index: number): number {
    let known = this.concepts.get(concept);
    if (!known) this.concepts.set(concept, (known = new Uint8Array(this.entries.length)));
    if (known[index] === 0) {
      const entry = this.entries[index]!;
      known[index] = findConcept(concept, entry.ownText) ? OWN + 1 : entry.contextText && findConcept(concept, entry.contextText) ? CONTEXT + 1 : 1;
    }
    return known[index]! - 1;
  }

  /** The blocks where a group's words (not its typed concepts) occur, each with how; once per group per document. */
  private words(group: EvidenceGroup, stems: Int32Array): Map<number, number> {
    let result = this.groups.get(group);
    if (result) return result;
    result = NOWHERE;
    for (let at = 0, t = 0; at < stems.length; t++) {
      const count = stems[at++]!;
      if (count === TYPED_CONCEPT) continue;
      // Most terms have a word the document never uses: the bit set says so without reading the term.
      let possible = true;
      for (let k = 0; k < count && possible; k++) possible = stems[at + k] === WORD_START || this.mayHave(stems[at + k]!);
      at += count;
      if (!possible) continue;
      if (result === NOWHERE) result = new Map();
      this.term(group[t] as Extract<EvidenceTerm, { kind: 'words' }>, stems, at - count, result);
    }
    this.groups.set(group, result);
    return result;
  }

  /** Marks in `found` the blocks where a term's words occur in a row (OWN beats CONTEXT). */
  private term(term: Extract<EvidenceTerm, { kind: 'words' }>, stems: Int32Array, from: number, found: Map<number, number>): void {
    const tests = term.words;
    // The term's rarest word here anchors the search ("review" of "access review" where "access" is
    // everywhere), and a word the document never uses rules the term out without a scan. Its words'
    // stem ids (from `from` in `stems`: EvidencePattern.stems) say which without reading the term.
    let anchor = 0;
    let starts: Occurrence[] | undefined;
    for (let k = 0; k < tests.length; k++) {
      const id = stems[from + k]!;
      if (id === WORD_START) continue;
      const list = this.mayHave(id) ? this.byStem.get(id) : undefined;
      if (!list) return;
      if (!starts || list.length < starts.length) [anchor, starts] = [k, list];
    }
    starts ??= this.startingWith((tests[0] as { prefix: string }).prefix);
    let previous = -1;
    for (let o = 0; o < starts.length; o++) {
      const occurrence = starts[o]!;
      const position = occurrence % POSITIONS;
      const textIndex = (occurrence - position) / POSITIONS;
      if (textIndex === previous || position < anchor) continue;
      const { words, breaks, own, entries } = this.texts[textIndex]!;
      // The phrase starts `anchor` words before its anchor, or up to one word more per word skipped before it.
      let row = false;
      const earliest = term.apart ? Math.max(0, position - 2 * anchor) : position - anchor;
      for (let start = position - anchor; start >= earliest && !row; start--) row = phraseEnd(term, words, breaks, start) >= 0;
      if (!row) continue;
      previous = textIndex;
      const how = own ? OWN : CONTEXT;
      for (const entry of entries) if ((found.get(entry) ?? 0) < how) found.set(entry, how);
    }
  }

  /** The occurrences of every word that starts with a prefix, as written or in American spelling; once per prefix per document. */
  private startingWith(prefix: string): Occurrence[] {
    let result = this.starts.get(prefix);
    if (result) return result;
    result = [];
    const starts = (word: Word) => word.surface.startsWith(prefix) || word.american.startsWith(prefix);
    // The words of that start are among those of the few stems the process has seen begin with it.
    const ids = stemIdsStartingWith(prefix);
    for (const id of ids ?? []) {
      for (const occurrence of (this.mayHave(id) && this.byStem.get(id)) || []) {
        const at = occurrence % POSITIONS;
        if (starts(this.texts[(occurrence - at) / POSITIONS]!.words[at]!)) result.push(occurrence);
      }
    }
    // Past the words the process files, every word of the document is looked at.
    if (!ids) {
      this.texts.forEach(({ words }, index) => words.forEach((word, at) => starts(word) && result!.push(index * POSITIONS + Math.min(at, POSITIONS - 1))));
    }
    this.starts.set(prefix, result);
    return result;
  }
}

/** The prepared text of a range (or of ranges joined) and its words. */
interface Reading {
  text: string;
  words: Word[];
  /** Where sentences end (readWords). */
  breaks: ReadonlySet<number>;
}

/** A block's own words, or a framing text shared by the blocks it frames. */
interface IndexedText {
  text: string;
  words: Word[];
  breaks: ReadonlySet<number>;
  own: boolean;
  entries: number[];
}

/** One place a word occurs, packed in a number (millions are made, so no objects): text index × POSITIONS + position. */
type Occurrence = number;
const POSITIONS = 2 ** 20;
/** No block: shared by every group found nowhere (never written to). */
const NOWHERE = new Map<number, number>();
/** Where explain looks for a group's words: the block's own first, then its framing text. */
const OWN_FIRST = [true, false];

/** The blocks (sorted by start) that lie within a range, found by binary search. */
function leavesWithin(leaves: TextBlock[], range: Range): TextBlock[] {
  let low = 0;
  let high = leaves.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (leaves[middle]!.range.start < range.start) low = middle + 1;
    else high = middle;
  }
  const within: TextBlock[] = [];
  for (let i = low; i < leaves.length && leaves[i]!.range.start < range.end; i++) if (leaves[i]!.range.end <= range.end) within.push(leaves[i]!);
  return within;
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

function post<T>(postings: Map<string, T[]>, key: string, value: T): void {
  const list = postings.get(key);
  if (list) list.push(value);
  else postings.set(key, [value]);
}

/**
 * Words that may not stand between two words of a term: a negation turns it around ("is not
 * permitted" is no "is permitted"), "and" or "or" makes two things of one, and an article makes a
 * verb and its object of a compound ("compromised the password" is no "compromised password").
 */
const NOT_BETWEEN = new Set(['not', 'no', 'never', 'non', 'nor', 'without', 'cannot', 'and', 'or', 'the', 'a', 'an']);

/**
 * Where a term's words occur from `start` on: in the term's order, all in one sentence ("… the
 * policy. The password …" is no "password policy"), each right after the one before or, in a term
 * as written (`apart`), with one other word before a word that is not a small word: "access rights
 * review" is an "access review", "review of user access" a "review of access", "are explicitly
 * prohibited" "are prohibited"; but "records involved in" is no "record in", and a word-order
 * variant ("review of the access") is already a reading of its own. Returns the position after the
 * term's last word, or -1.
 */
function phraseEnd(term: { words: readonly WordTest[]; apart: boolean }, words: readonly Word[], breaks: ReadonlySet<number>, start: number, k = 0): number {
  const tests = term.words;
  if (start >= words.length || !matchesWord(tests[k]!, words[start]!)) return -1;
  if (k === tests.length - 1) return start + 1;
  const last = Math.min(words.length - 1, start + (term.apart ? 2 : 1));
  for (let next = start + 1; next <= last; next++) {
    if (breaks.has(next)) return -1;
    if (next === start + 2 && (!mayStandBetween(words[start + 1]!) || SMALL_WORDS.has(words[next]!.surface))) return -1;
    const end = phraseEnd(term, words, breaks, next, k + 1);
    if (end >= 0) return end;
  }
  return -1;
}

function mayStandBetween(word: Word): boolean {
  return !NOT_BETWEEN.has(word.surface) && !word.surface.endsWith("n't") && !word.surface.endsWith('n’t');
}

function matchesWord(test: WordTest, word: Word): boolean {
  if (!('stem' in test)) return word.surface.startsWith(test.prefix) || word.american.startsWith(test.prefix);
  return test.stem === word.stem && (test.exact ? word.base === test.base : word.base.startsWith(test.base));
}

/** The words that made each group hold, as written: the framing text's first, then the block's in order. */
function explain(entry: IndexedBlock, pattern: EvidencePattern): string[] {
  const hits: { text: string; own: boolean; at: number }[] = [];
  for (const group of pattern.groups) {
    let hit: (typeof hits)[number] | undefined;
    for (const own of OWN_FIRST) {
      for (const term of group) {
        const found = termHit(entry, term, own);
        if (found && (!hit || found.at < hit.at)) hit = found;
      }
      if (hit) break;
    }
    if (hit) hits.push(hit);
  }
  // Two groups may be met by overlapping words ("review" and "review accounts"): say the longer once.
  const within = (inner: (typeof hits)[number], outer: (typeof hits)[number]) =>
    inner !== outer && inner.own === outer.own && outer.at <= inner.at && inner.at + inner.text.length <= outer.at + outer.text.length;
  return hits
    .filter((hit, index) => !hits.some((other, o) => within(hit, other) && !(within(other, hit) && o > index)))
    .sort((a, b) => Number(a.own) - Number(b.own) || a.at - b.at)
    .map((hit) => hit.text);
}

/** A block's words by stem, and where each word starts in its text: only for the blocks an explanation is asked of. */
const layouts = new WeakMap<Word[], { byStem: Map<string, number[]>; starts?: number[] }>();

function layoutOf(words: Word[]): { byStem: Map<string, number[]>; starts?: number[] } {
  let layout = layouts.get(words);
  if (!layout) {
    const byStem = new Map<string, number[]>();
    words.forEach((word, at) => post(byStem, word.stem, at));
    layouts.set(words, (layout = { byStem }));
  }
  return layout;
}

function termHit(entry: IndexedBlock, term: EvidenceTerm, own: boolean): { text: string; own: boolean; at: number } | undefined {
  const text = own ? entry.ownText : entry.contextText;
  if (term.kind === 'concept') {
    const span = findConcept(term.concept, text);
    return span && { text: text.slice(span.start, span.end).replace(/\s+/g, ' '), own, at: span.start };
  }
  const words = own ? entry.own : entry.context;
  const breaks = own ? entry.ownBreaks : entry.contextBreaks;
  const layout = layoutOf(words);
  const first = term.words[0]!;
  const candidates = 'stem' in first ? layout.byStem.get(first.stem) : undefined;
  if ('stem' in first && !candidates) return undefined;
  for (let c = 0; c < (candidates ? candidates.length : words.length); c++) {
    const at = candidates ? candidates[c]! : c;
    const end = phraseEnd(term, words, breaks, at);
    if (end < 0) continue;
    layout.starts ??= wordStarts(text);
    return { text: words.slice(at, end).map((word) => word.surface).join(' '), own, at: layout.starts[at] ?? 0 };
  }
  return undefined;
}

/** Whether `next` is the line below `previous` in one column of a grid table (both start just after a `|`, at one column). */
function continuesCell(text: string, previous: Range, next: Range): boolean {
  if (text[previous.start - 1] !== '|' || text[next.start - 1] !== '|') return false;
  const lineBreak = text.indexOf('\n', previous.end);
  if (lineBreak === -1 || lineBreak >= next.start) return false;
  const following = text.indexOf('\n', lineBreak + 1);
  if (following !== -1 && following < next.start) return false;
  return previous.start - (text.lastIndexOf('\n', previous.start) + 1) === next.start - (lineBreak + 1);
}
