import type { Element } from '../catalog/types';
import { wordsOf } from '../text/words';
import { CONCEPTS, type Concept } from './concepts';
import { withVariants, wordOrderVariants } from './termVariants';

/**
 * One word of a term: its stem and the start a matching word must have (so "encrypt" finds
 * "encryption" but "provider" does not find "provide", nor "integrity" "integration", although
 * Porter gives each pair one stem); a term word written inflected ("managed") finds only the forms
 * of that word ("manages", "managing"), not its derivations ("management"). Or, for "recertif*", the
 * start of the word as written. `id` is the stem's stemId.
 */
export type WordTest = { stem: string; id: number; base: string; exact: boolean } | { prefix: string };

/** One way of saying a concept: words in a row ("least privilege", "recertif*") or a typed concept ($frequency). */
export type EvidenceTerm = { kind: 'words'; words: WordTest[]; text: string; apart: boolean } | { kind: 'concept'; concept: Concept; text: string };

/** Alternatives for one concept: any of its terms will do. */
export type EvidenceGroup = EvidenceTerm[];

/** Concepts that must all be found in one block for the pattern to hold. */
export interface EvidencePattern {
  groups: EvidenceGroup[];
  /**
   * For each group, its terms' words as numbers, so a document's index passes over the terms it
   * cannot hold without reading them: per term, TYPED_CONCEPT, or how many words and then each
   * word's stem id or WORD_START.
   */
  stems: Int32Array[];
  /** Where it came from: the element's evidence, or a phrase of the organisation's own. */
  origin: 'evidence' | 'phrase';
}

/**
 * What is wrong with one evidence term, in words for a catalog or config author, or undefined. A term
 * is words ("access review"), words ending in * for a word start ("recertif*", at least 3 letters
 * before it), or $frequency, $duration or $role.
 */
export function termProblem(term: string): string | undefined {
  const text = term.trim();
  if (text.startsWith('$')) {
    return CONCEPTS.includes(text.slice(1) as Concept) ? undefined : `"${term}" is not a typed concept; use ${CONCEPTS.map((concept) => `$${concept}`).join(', ')}`;
  }
  if (!/[\p{L}\p{N}]/u.test(text)) return `"${term}" has no letters or digits to match`;
  for (const word of text.split(/\s+/)) {
    if (word.includes('*') && (!/^(?:[\p{L}\p{N}]+-)*[\p{L}\p{N}]+\*$/u.test(word) || word.replace(/[-*]/g, '').length < 3)) return `"${term}": a * may only end a word of at least 3 letters ("recertif*")`;
  }
  return undefined;
}

/** Every malformed term of an element's evidence groups, with its place: [group, term] indexes. */
export function evidenceProblems(groups: string[][]): { path: [number, number]; problem: string }[] {
  return groups.flatMap((group, g) =>
    group.flatMap((term, t) => {
      const problem = termProblem(term);
      return problem ? [{ path: [g, t] as [number, number], problem }] : [];
    }),
  );
}

/** In EvidencePattern.stems: a typed concept ($role), found by its own patterns. */
export const TYPED_CONCEPT = -1;
/** In EvidencePattern.stems: a word start ("recertif*"), which any document may hold. */
export const WORD_START = -2;

function stemsOf(group: EvidenceGroup): Int32Array {
  return Int32Array.from(
    group.flatMap((term) => (term.kind === 'concept' ? [TYPED_CONCEPT] : [term.words.length, ...term.words.map((test) => ('stem' in test ? test.id : WORD_START))])),
  );
}

function patternOf(groups: EvidenceGroup[], origin: EvidencePattern['origin']): EvidencePattern {
  return { groups, stems: groups.map(stemsOf), origin };
}

/** Compiled terms by their text: the catalog writes some 25,000 terms, 14,000 of them distinct. */
const compiledTerms = new Map<string, EvidenceTerm>();

function compileTerm(term: string, apart: boolean): EvidenceTerm {
  const key = apart ? term : `\u0000${term}`;
  let compiled = compiledTerms.get(key);
  if (!compiled) compiledTerms.set(key, (compiled = compileNewTerm(term, apart)));
  return compiled;
}

/** A group's terms and their variants, compiled; a word-order variant's words stay next to each other (see phraseEnd). */
function compileGroup(terms: string[]): EvidenceGroup {
  const written = new Set(terms);
  const reordered = new Set(terms.flatMap(wordOrderVariants).filter((variant) => !written.has(variant)));
  return withVariants(terms).map((term) => compileTerm(term, !reordered.has(term)));
}

function compileNewTerm(term: string, apart: boolean): EvidenceTerm {
  const text = term.trim();
  if (text.startsWith('$')) return { kind: 'concept', concept: text.slice(1) as Concept, text };
  // Whole runs of plain words are read together, so "log on" and "two-factor" join as in documents.
  const words: WordTest[] = [];
  let plain: string[] = [];
  const flush = () => {
    words.push(
      ...wordsOf(plain.join(' ')).map((word) => {
        const exact = word.base !== word.american && word.base.replace(/i$/, 'y') !== word.american;
        return { stem: word.stem, id: word.stemId, base: exact || word.base.length <= 3 ? word.base : word.base.replace(/e$/, ''), exact };
      }),
    );
    plain = [];
  };
  for (const whole of text.split(/\s+/)) {
    if (!whole.endsWith('*')) {
      plain.push(whole);
      continue;
    }
    // "re-assess*": the text splits words at hyphens, so the words before the last one are plain.
    const hyphen = whole.lastIndexOf('-');
    if (hyphen > 0) plain.push(whole.slice(0, hyphen));
    const part = whole.slice(hyphen + 1);
    flush();
    // "authoris*" and "authoriz*" alike: word starts are compared in American spelling.
    words.push({ prefix: part.slice(0, -1).toLowerCase().replace(/is$/, 'iz').replace(/ys$/, 'yz').replace(/our$/, 'or') });
  }
  flush();
  return { kind: 'words', words, text, apart };
}

/**
 * A pattern from concept groups written the way an element's evidence is (all groups in one block,
 * each term with its variants: termVariants.ts),
 * for a rule that looks for concepts of its own. Compile it once, not per document.
 */
export function evidencePattern(groups: string[][]): EvidencePattern {
  return patternOf(groups.map(compileGroup), 'evidence');
}

const compiled = new WeakMap<Element, EvidencePattern[]>();

/**
 * The patterns that find an element in prose: its evidence (all groups in one block), and each of the
 * organisation's own phrases (any one is enough). Compiled once per element.
 */
export function evidencePatterns(element: Element): EvidencePattern[] {
  let patterns = compiled.get(element);
  if (!patterns) {
    patterns = [];
    if (element.evidence.length > 0) patterns.push(evidencePattern(element.evidence));
    if (element.phrases?.length) patterns.push(patternOf([compileGroup(element.phrases)], 'phrase'));
    compiled.set(element, patterns);
  }
  return patterns;
}
