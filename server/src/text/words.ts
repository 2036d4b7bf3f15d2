import { stemWord, withoutInflection } from './stem';
import { WordTable } from './wordTable';

/** British spellings written the American way before stemming, so both meet. */
const SPELLING: [RegExp, string][] = [
  [/^(\w{3,})is(e|es|ed|ing|ation|ations|er|ers)$/, '$1iz$2'],
  [/^(\w{2,})our$/, '$1or'],
  [/^(\w{2,})ours$/, '$1ors'],
  [/^licen[cs]e(s|d)?$/, 'license$1'],
  [/^(cent|met)re(s)?$/, '$1er$2'],
  [/^defence$/, 'defense'],
  [/^programme(s)?$/, 'program$1'],
  [/^catalogue(s)?$/, 'catalog$1'],
];

/** Acronyms and split spellings of the same thing, joined before words are read. */
export const JOINED_SPELLINGS: [RegExp, string][] = [
  [/\b(?:e-mail|e mail)/gi, 'email'],
  [/\b(?:log-on|log-in|sign-in|sign-on|log on|log in|sign in)\b/gi, 'login'],
  // Not "sign-off" or "sign-out": in policies those are an approval and an equipment log far more often than a logout.
  [/\b(?:log-off|log-out|log off|log out|logoff|logout)\b/gi, 'logoff'],
  [/\b(?:multi[- ]?factor|two[- ]?factor|2fa|mfa)\b/gi, 'multifactor'],
  [/\b(?:time-out|time out)\b/gi, 'timeout'],
  [/\bback-?ups?\b/gi, 'backup'],
  [/\b(?:back(?:ed|ing|s)?) up\b/gi, 'backup'],
  [/\b(?:bring your own device|byod)\b/gi, 'byod'],
];

/**
 * Words Porter's rules fold into an unrelated word ("accountable" into "account", "generic" into
 * "general"), kept apart when evidence is matched (the suggester's ranking was tuned with plain Porter).
 */
const STEM_EXCEPTIONS = new Map([
  ['accountable', 'accountabl'],
  ['accountability', 'accountabl'],
  ['accounting', 'accounting'],
  ['generic', 'generic'],
  ['generically', 'generic'],
  ['authority', 'authorit'],
  ['authorities', 'authorit'],
  ['author', 'writer'],
  ['authors', 'writer'],
  ['authored', 'writer'],
  ['manager', 'manager'],
  ['managers', 'manager'],
  ['ids', 'ids'],
  ['ips', 'ips'],
  ['response', 'response'],
  ['responses', 'response'],
  ['certification', 'certification'],
  ['certifications', 'certification'],
  ['screening', 'screening'],
  ['screenings', 'screening'],
  ['building', 'building'],
  ['buildings', 'building'],
  ['officer', 'officer'],
  ['officers', 'officer'],
  ['designate', 'designat'],
  ['designated', 'designat'],
  ['designation', 'designat'],
  ['news', 'news'],
  ['information', 'information'],
  ['informational', 'information'],
  ['acceptable', 'acceptabl'],
  ['unacceptable', 'unacceptabl'],
  ['dos', 'dos'],
  ['several', 'several'],
  ['executive', 'executive'],
  ['executives', 'executive'],
  ['customer', 'customer'],
  ['customers', 'customer'],
  ['customs', 'customs'],
  ['security', 'security'],
  ['securities', 'security'],
]);

/** A lower-case word in American spelling ("authorisation" → "authorization"). */
export function americanSpelling(word: string): string {
  let spelled = word;
  for (const [pattern, replacement] of SPELLING) spelled = spelled.replace(pattern, replacement);
  return spelled;
}

/** The singular of a lower-case English noun, by its ending only ("reviews" → "review", "policies" → "policy", "access" stays). */
export function singular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

const surfaceStems = new Map<string, string>();

/** A lower-case word as the suggester compares words: American spelling, Porter stem ("organisations" → "organ"). */
export function normalizeWord(word: string): string {
  let stem = surfaceStems.get(word);
  if (stem === undefined) {
    const spelled = americanSpelling(word);
    stem = stemWord(spelled);
    if (surfaceStems.size < 50_000) surfaceStems.set(word, stem);
  }
  return stem;
}

/** One word of a text: its stem and the lower-case word as written (one shared object per distinct word). */
export interface Word {
  stem: string;
  /** A small number for the stem, the same for every word of that stem in this process (see stemId). */
  stemId: number;
  /** The word as written, in lower case (American spelling too, for word starts: see `american`). */
  surface: string;
  /** The surface in American spelling ("authorised" → "authorized"). */
  american: string;
  /** The American spelling without its inflection ("authorised" → "authorize", "policies" → "polici"). */
  base: string;
}

/** Whether any joined spelling occurs (one test instead of one per spelling; not global, so no lastIndex state). */
const ANY_JOINED = new RegExp(JOINED_SPELLINGS.map(([pattern]) => pattern.source).join('|'), 'i');

/** Every word read so far, by its lower-case surface (bounded: a long-lived server reads endless new words). */
const forms = new WordTable<Word>(100_000);

const stemIds = new Map<string, number>();
/**
 * Stems past this many share the id OTHER_STEM (a long-lived server reading endless new words stays
 * bounded). Each BlockIndex's stem bit set is sized by the ids given out, so this also bounds it: 8 KB a document.
 */
const MAX_STEM_IDS = 1 << 16;
/** The id of every stem met once MAX_STEM_IDS are given out: a lookup by id must then treat it as possibly any stem. */
export const OTHER_STEM = 0;

/** The number standing for a stem in this process (1, 2, …), so a document's stems can be kept in a bit set. */
export function stemId(stem: string): number {
  let id = stemIds.get(stem);
  if (id === undefined) {
    if (stemIds.size >= MAX_STEM_IDS) return OTHER_STEM;
    stemIds.set(stem, (id = stemIds.size + 1));
  }
  return id;
}

/** How many stem ids are given out so far (every id is at most this). */
export function stemIdCount(): number {
  return stemIds.size;
}

/** Stem, American spelling and base of a lower-case word, computed once per process (bounded). */
function formsOf(surface: string): Word {
  return forms.find(surface, 0, surface.length) ?? newForms(surface);
}

function newForms(surface: string): Word {
  const american = americanSpelling(surface);
  const stem = STEM_EXCEPTIONS.get(american) ?? stemWord(american);
  const word = { stem, stemId: stemId(stem), surface, american, base: withoutInflection(american) };
  if (forms.add(word)) {
    allWords.push(word);
    const start = surface.slice(0, START);
    fileByStart(start, word);
    if (american.slice(0, START) !== start) fileByStart(american.slice(0, START), word);
  }
  return word;
}

/** How many letters of a word file it for word-start look-ups. */
const START = 3;
/** Every filed word by its first letters, as written and in American spelling (lists only grow, as `forms` does). */
const byStart = new Map<string, Word[]>();
/** Every filed word, for a word start shorter than a filing key (a config's "e-si*"). */
const allWords: Word[] = [];

function fileByStart(start: string, word: Word): void {
  const list = byStart.get(start);
  if (list) list.push(word);
  else byStart.set(start, [word]);
}

/** For each word start asked for, the stem ids of the words read so far that begin with it, and how many of its filed words were looked at. */
const startStems = new Map<string, { ids: number[]; seen: Set<number>; read: number }>();

/**
 * The stem ids of every word read so far in this process that starts with `prefix` (lower case,
 * American spelling) as written or in American spelling: a document's words of that start are among
 * its words of these stems. Undefined once the process has read more distinct words than it files
 * (a word read now may then be filed nowhere): the caller must look through its own words.
 */
export function stemIdsStartingWith(prefix: string): readonly number[] | undefined {
  if (forms.full) return undefined;
  let known = startStems.get(prefix);
  if (!known) startStems.set(prefix, (known = { ids: [], seen: new Set(), read: 0 }));
  const candidates = prefix.length >= START ? (byStart.get(prefix.slice(0, START)) ?? []) : allWords;
  for (; known.read < candidates.length; known.read++) {
    const word = candidates[known.read]!;
    if (!known.seen.has(word.stemId) && (word.surface.startsWith(prefix) || word.american.startsWith(prefix))) {
      known.seen.add(word.stemId);
      known.ids.push(word.stemId);
    }
  }
  return known.ids;
}

function joined(text: string): string {
  let clean = text;
  if (ANY_JOINED.test(clean)) for (const [pattern, replacement] of JOINED_SPELLINGS) clean = clean.replace(pattern, replacement);
  return clean;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;

function isWordCode(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return LETTER_OR_DIGIT.test(text[i]!);
}

/**
 * Calls `found(start, end, quoted)` for each word of a text: letters and digits, with an apostrophe
 * and letters after it ("employee's", `quoted` true).
 */
function scanWords(text: string, found: (start: number, end: number, quoted: boolean) => void): void {
  let i = 0;
  const length = text.length;
  while (i < length) {
    if (!isWordCode(text, i)) {
      i++;
      continue;
    }
    const start = i;
    while (i < length && isWordCode(text, i)) i++;
    const quoted = i + 1 < length && (text[i] === "'" || text[i] === '’') && LETTER.test(text[i + 1]!);
    if (quoted) {
      i++;
      while (i < length && LETTER.test(text[i]!)) i++;
    }
    found(start, i, quoted);
  }
}

/** The American spelling of a lower-case word, remembered with its other forms. */
export function americanWord(word: string): string {
  return formsOf(word).american;
}

/** The words of a text in order, every word kept (phrases need their small words); joined spellings ("log-on" → "login") applied first. */
export function wordsOf(text: string): Word[] {
  return readWords(text).words;
}

/**
 * A sentence ends between two words where the text between them has `.`, `!` or `?` (closing quotes
 * or brackets may follow) and then white space: "… the policy. The password …", not "9.4.2" nor "log-on".
 */
const SENTENCE_END = /[.!?][\p{Pe}\p{Pf}"')\]]*\s/u;

/**
 * Whether the text between two words ends a sentence (SENTENCE_END), or a paragraph (a line with no
 * words between them: a blank line, a table's rule) or a table cell (a `|` between them). Most gaps
 * hold none of `.`, `!`, `?`, `|` or a line break, and are passed over without a slice.
 */
function endsSentence(text: string, from: number, to: number): boolean {
  let lineBreaks = 0;
  let stop = false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 124 || (code === 10 && ++lineBreaks === 2)) return true;
    if (code === 46 || code === 33 || code === 63) stop = true;
  }
  return stop && SENTENCE_END.test(text.slice(from, to));
}

/**
 * The words of a text (as wordsOf) and where its sentences end: `breaks` holds k when a sentence,
 * paragraph or table cell ends between word k - 1 and word k, so that a phrase is not matched across
 * two of them.
 */
export function readWords(text: string): { words: Word[]; breaks: Set<number> } {
  const words: Word[] = [];
  const breaks = new Set<number>();
  const clean = joined(text);
  // Lower-case the text once; a few characters change length when lower-cased, then each word is.
  const lowered = clean.toLowerCase();
  const sameLength = lowered.length === clean.length;
  let previousEnd = -1;
  scanWords(clean, (start, end, quoted) => {
    if (previousEnd >= 0 && (start - previousEnd > 1 || clean.charCodeAt(previousEnd) === 124) && endsSentence(clean, previousEnd, start)) breaks.add(words.length);
    previousEnd = end;
    // A word seen before is found from the text itself, without a string of its own; a new one is sliced once and not looked up again.
    if (sameLength && !quoted) words.push(forms.find(lowered, start, end) ?? newForms(lowered.slice(start, end)));
    else {
      const word = sameLength ? lowered.slice(start, end) : clean.slice(start, end).toLowerCase();
      words.push(formsOf(quoted ? word.replace(/['’]s$/, '') : word));
    }
  });
  return { words, breaks };
}

/** Where each word of wordsOf(text) starts, as offsets in the text after joined spellings are applied (for ordering explanations). */
export function wordStarts(text: string): number[] {
  const starts: number[] = [];
  scanWords(joined(text), (start) => starts.push(start));
  return starts;
}
