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

/** True when a section body holds no real words once placeholders and markup are taken out. */
export function isPlaceholderText(text: string): boolean {
  const rest = text.replace(PLACEHOLDER, ' ').replace(/[#>*_`~|\-:.;,()[\]!?"'=+]+/g, ' ');
  return !/\p{L}{2,}/u.test(rest);
}
