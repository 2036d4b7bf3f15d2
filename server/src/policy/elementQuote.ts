import type { ElementStatus } from '../model/summary';

/** A short quote of the text that addresses an element, with the spans of the words that matched. */
export interface ElementQuote {
  quote: string;
  marks: { start: number; end: number }[];
}

/** The longest quote, in characters. */
const MAX_QUOTE = 280;
/** Lines of a block read at most (a long list item or paragraph is cut anyway). */
const MAX_LINES = 8;

/**
 * The quotes of one document's elements, its text split into lines once: for each element, the words
 * of the block where it was found (for a heading, the heading and the text under it), in one line
 * without Markdown marks, cut to a short quote around the words that matched. Undefined when the
 * element was not found or the line is not in the text.
 */
export function elementQuotes(text: string): (status: ElementStatus) => ElementQuote | undefined {
  const lines = text.split(/\r?\n/);
  return (status) => quoteOf(lines, status);
}

function quoteOf(lines: string[], status: ElementStatus): ElementQuote | undefined {
  if (status.line === undefined || status.state === 'missing') return undefined;
  const first = status.line - 1;
  if (first < 0 || first >= lines.length) return undefined;
  const block = [plain(lines[first]!)];
  if (status.state !== 'empty') {
    // A heading's text starts after it (and a blank line); a block of prose ends at a blank line or a heading.
    let at = first + 1;
    if (status.state === 'heading') while (at < lines.length && lines[at]!.trim() === '') at++;
    for (; at < lines.length && block.length < MAX_LINES && lines[at]!.trim() !== '' && !/^\s{0,3}#{1,6}\s/.test(lines[at]!); at++) block.push(plain(lines[at]!));
  }
  const whole = block.filter(Boolean).join(' ');
  const wanted = status.state === 'prose' ? status.words ?? [] : status.heading ? [status.heading] : [];
  return cut(whole, wanted);
}

/** One line without its Markdown marks: heading hashes, list bullets, table pipes, emphasis. */
function plain(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '')
    .replace(/^\s*>\s?/, '')
    .replace(/\s*\|\s*/g, ' | ')
    .replace(/^ \| | \| $/g, '')
    .replace(/(\*\*|__|`)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The quote cut to MAX_QUOTE characters around the first matched word, with every match inside it marked. */
function cut(whole: string, wanted: string[]): ElementQuote {
  const lower = whole.toLowerCase();
  const found = wanted.flatMap((word) => {
    const at = wordAt(lower, word.toLowerCase());
    return at < 0 || !word ? [] : [{ start: at, end: at + word.length }];
  });
  let from = 0;
  if (whole.length > MAX_QUOTE && found.length) {
    const earliest = Math.min(...found.map((mark) => mark.start));
    from = Math.max(0, Math.min(earliest - 40, whole.length - MAX_QUOTE));
    const space = whole.indexOf(' ', from);
    if (from > 0 && space >= 0 && space < earliest) from = space + 1;
  }
  const to = Math.min(whole.length, from + MAX_QUOTE);
  const lead = from > 0 ? '… ' : '';
  const quote = `${lead}${whole.slice(from, to)}${to < whole.length ? ' …' : ''}`;
  const marks = found
    .filter((mark) => mark.start >= from && mark.end <= to)
    .map((mark) => ({ start: mark.start - from + lead.length, end: mark.end - from + lead.length }))
    .sort((a, b) => a.start - b.start)
    .filter((mark, index, all) => index === 0 || mark.start >= all[index - 1]!.end);
  return { quote, marks };
}

/**
 * Where `word` first stands as a whole word in `text`, else where it first starts a longer word (the
 * matched word may be a stem or a prefix: "backup" in "backups"), or -1: never inside a word ("log" in "catalog").
 */
function wordAt(text: string, word: string): number {
  const isWordCharacter = (at: number) => at >= 0 && at < text.length && /[\p{L}\p{N}]/u.test(text[at]!);
  let start = -1;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (isWordCharacter(at - 1)) continue;
    if (!isWordCharacter(at + word.length)) return at;
    if (start < 0) start = at;
  }
  return start;
}
