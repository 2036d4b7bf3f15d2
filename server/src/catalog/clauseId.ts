/**
 * The ways people write a clause id: "9.4.2", "A.9.4.2", "ISO 27799 9.4.2",
 * "ISO 27799:2016 §9.4.2", "27799 9.4.2", "§9.4.2", "ISO/IEC 27002:2013 9.4.2".
 */
const PREFIX =
  /^\s*(?:ISO(?:\/IEC)?\s*)?(?:(?:27799|27002)(?::\s*(?:19|20)\d\d)?\s*)?(?:(?:clause|control)\s+)?(?:§\s*|A\.\s*|Annex\s+A\s*)?/i;
const NUMBER = /^(\d{1,3}(?:\.\d{1,3}){0,3})\.?\s*$/;
const CANONICAL = /^(?:0|[1-9]\d{0,2})(?:\.(?:0|[1-9]\d{0,2})){0,3}$/;

/** The canonical id ("9.4.2") for any accepted spelling, or undefined when the text is not an id. */
export function normalizeClauseId(text: string): string | undefined {
  // Most ids are already canonical ("9.4.2"): answer those without the regular expressions below.
  if (CANONICAL.test(text)) return text;
  const match = NUMBER.exec(text.replace(PREFIX, ''));
  if (!match) return undefined;
  return match[1]!
    .split('.')
    .map((part) => String(Number(part)))
    .join('.');
}

/** Numeric parts of a canonical id. */
export function clauseParts(id: string): number[] {
  return id.split('.').map(Number);
}

/** Orders ids numerically: 9.2 before 9.10. */
export function compareClauseIds(a: string, b: string): number {
  const left = clauseParts(a);
  const right = clauseParts(b);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? -1) - (right[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}
