/**
 * Other ways English writes an evidence term, matched as if the catalog (or a config's phrases) had
 * listed them, so vocabulary need not spell out each by hand and reads the same on any policy set:
 * - a two-word compound with its head first: "access review" as "review of access", "review of the
 *   access", "review the access"; and "review of access" as "access review";
 * - any one way of forbidding something as every other ("must not" as "should not", "is not
 *   allowed", "may never", …);
 * - "third party" as "3rd party" and the reverse.
 * The words that matched are shown as found, so an explanation names the variant as written.
 */

/**
 * Words that join the head of a compound to its modifier when the head comes first, for every head:
 * "review of (the) access", and "review the access" (a head that may be a verb). For a noun head
 * ("officer the security") the last order is found, in practice, only across two sentences ("… the
 * officer. The security …"), which the matcher refuses (readWords marks where sentences end).
 */
const HEAD_FIRST = ['of', 'of the', 'the'];
/** Words that never make one half of a compound. */
export const SMALL_WORDS = new Set(
  'a an the of for and or to in on at by with from into upon within without after before than that this these those who which when where is are was were be been being has have had must shall should will would may might can could all any each every not no following'.split(' '),
);
/** Ways of forbidding something: a group that holds one of them holds any. */
const PROHIBITIONS = ['must not', 'shall not', 'may not', 'should not', 'must never', 'shall never', 'should never', 'may never', 'is not allowed', 'are not allowed', 'not permitted', 'is prohibited', 'are prohibited', 'is forbidden', 'are forbidden'];
const PROHIBITION = new Set(PROHIBITIONS);
const THIRD_PARTY = /\b(third|3rd)([- ])part/i;

const PLAIN = /^\p{L}[\p{L}\p{N}-]*\*?$/u;
const compoundWord = (word: string) => PLAIN.test(word) && !SMALL_WORDS.has(word.toLowerCase().replace(/\*$/, ''));

/** The word-order variants of one term (not the term itself): none for a typed concept, one word, or a longer phrase. */
export function wordOrderVariants(term: string): string[] {
  const words = term.trim().split(/\s+/);
  // "access review*" → "review* of access", …; a modifier written as a word start ("recertif* review") has no one form to move.
  if (words.length === 2 && words.every(compoundWord) && !words[0]!.endsWith('*')) {
    return HEAD_FIRST.map((joint) => `${words[1]} ${joint} ${words[0]}`);
  }
  // "review of access", "review of the access" → "access review".
  const modifier = words[1]?.toLowerCase() === 'of' ? words.slice(words[2]?.toLowerCase() === 'the' ? 3 : 2) : [];
  if (modifier.length === 1 && compoundWord(words[0]!) && compoundWord(modifier[0]!) && !modifier[0]!.endsWith('*')) return [`${modifier[0]} ${words[0]}`];
  return [];
}

/** A group's terms with every variant after them, each once. */
export function withVariants(terms: string[]): string[] {
  const all = new Set(terms);
  for (const term of terms) {
    for (const variant of wordOrderVariants(term)) all.add(variant);
    const third = THIRD_PARTY.exec(term);
    if (third) all.add(term.replace(THIRD_PARTY, `${third[1]!.toLowerCase() === 'third' ? '3rd' : 'third'}$2part`));
  }
  if (terms.some((term) => PROHIBITION.has(term.trim().toLowerCase()))) for (const term of PROHIBITIONS) all.add(term);
  return [...all];
}
