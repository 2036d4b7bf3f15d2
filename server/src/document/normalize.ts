import { americanWord, singular } from '../text/words';

/** Leading numbering such as "7.3", "A.1", "1)", "IV.", "a)" before a heading's words. */
const NUMBERING = /^\s*(?:(?:[0-9]+|[a-z]|[ivxlc]+)[.)]\s*)*(?:[0-9]+(?:\.[0-9]+)*\s+)?/i;

/**
 * The comparison key of a heading, lead-in, element title or alias: lower case, no leading
 * numbering, no punctuation or spaces ("### 7.3 Session Time-Out:" → "sessiontimeout").
 */
export function headingKey(text: string): string {
  return text
    .replace(NUMBERING, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const PLACEHOLDER =
  /\b(?:TODO|TBD|TBC|FIXME|XXX)\b[^\n]*|\bto be (?:defined|determined|confirmed|written|added|completed)\b|\blorem ipsum\b[^.]*|\bplaceholder\b|\[(?:insert|add|describe|enter)[^\]]*\]|<!--[\s\S]*?-->/gi;

/** The text with TODO/TBD lines, "[insert …]" prompts, lorem ipsum and HTML comments blanked out. */
export function withoutPlaceholders(text: string): string {
  return text.replace(PLACEHOLDER, ' ');
}

/** True when a section body holds no real words once placeholders and markup are taken out. */
export function isPlaceholderText(text: string): boolean {
  const rest = withoutPlaceholders(text).replace(/[#>*_`~|\-:.;,()[\]!?"'=+]+/g, ' ');
  return !/\p{L}{2,}/u.test(rest);
}

/** Small words a heading may add or drop without changing its topic ("Review of Access", "Backup and Restore"). */
const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'for', 'and', 'to', 'in', 'on', 'our', 'by', 'with']);
/** Words a heading may end with that only say what kind of text follows ("Access Review Procedure"). */
const KIND_WORDS = new Set(['policy', 'policies', 'procedure', 'procedures', 'process', 'processes', 'standard', 'standards', 'guideline', 'guidelines', 'requirements', 'plan']);

/**
 * The tolerant comparison key of a heading or element title: numbering and case dropped, "&" read as
 * "and", small words and a trailing "policy" / "procedure" left out, each word made singular and
 * American ("Reviews" meets "Review", not "Reviewers"), and two remaining words sorted so either
 * order matches ("Access Reviews" = "Review of Access"). Longer titles keep their order: reordering
 * them would match unrelated headings.
 */
export function looseHeadingKey(text: string): string {
  const words = text
    .replace(NUMBERING, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !SMALL_WORDS.has(word));
  while (words.length > 1 && KIND_WORDS.has(words.at(-1)!)) words.pop();
  const stems = words.map((word) => singular(americanWord(word)));
  if (stems.length === 2) stems.sort();
  return stems.join(' ');
}

/** How many words of a short text (a title, a label, a table cell) hold a letter. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
}
