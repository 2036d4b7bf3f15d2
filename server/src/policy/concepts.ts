/**
 * Typed concepts an element's evidence can ask for: a frequency ("quarterly", "every 90 days"), a
 * duration or deadline ("within 24 hours", "six years", "immediately") or a role ("Security
 * Officer", "system owner", "line manager"). Vague words ("regularly", "periodically", "timely")
 * are deliberately not concepts: a policy that says only that has not set a value.
 */
export type Concept = 'frequency' | 'duration' | 'role';

export const CONCEPTS: readonly Concept[] = ['frequency', 'duration', 'role'];

const NUMBER =
  '(?:\\d+(?:[.,]\\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|twenty-four|thirty|forty-five|sixty|ninety|hundred|\\[[^\\]\\n]{1,30}\\]|_{2,}|\\{\\{[^}\\n]{1,40}\\}\\}|<[^>\\n]{1,30}>|x|n)';
const UNIT = '(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|quarters?|years?|yrs?|business days?|working days?|calendar (?:days?|weeks?|months?|quarters?|years?))';

const FREQUENCY = new RegExp(
  [
    // "quarterly", "annually", "bi-annual", "semi-annually", "twice-yearly", "nightly"
    '\\b(?:hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|annually|annual|yearly|biennial(?:ly)?|triennial(?:ly)?|(?:bi|semi|twice)[- ]?(?:annual(?:ly)?|yearly|monthly|weekly))\\b',
    // "per annum", "every half year"
    '\\b(?:per annum|(?:every|each|once (?:a|an|per|every)) half[- ]year)\\b',
    // "every 90 days", "each quarter", "every other month", "once a year", "twice per month", "at least once every 12 months"
    `\\b(?:every|each|once (?:a|an|per|every)|twice (?:a|an|per|every)|${NUMBER} times (?:a|an|per|every)|per)\\s+(?:other\\s+|${NUMBER}\\s*(?:\\(\\d+\\)\\s*)?[- ]?)?${UNIT}`,
    // "on a 30-day cycle", "90-day review", "12-month cycle"
    `(?<![A-Za-z0-9])${NUMBER}[- ]${UNIT.replace(/s\?/g, '')}\\s+(?:cycle|interval|basis|review|rotation|schedule)`,
    // "at least annually" is covered above; "on an annual basis", "at each release"? (not a period)
  ].join('|'),
  'i',
);

const DURATION = new RegExp(
  [
    // "24 hours", "six years", "90-day", "30 minutes", "[X] days", "within one business day"
    // "a second factor" is not a duration: "a"/"an" count only before a longer unit.
    `(?<![A-Za-z0-9])(?!an?\\s+seconds?\\b)${NUMBER}\\s*(?:\\(\\d+\\)\\s*)?(?:-|\\s)?${UNIT}\\b`,
    '\\b(?:immediately|same (?:business |working )?day|next (?:business |working )?day|end of (?:the )?(?:business |working )?day|without delay|forthwith)\\b',
  ].join('|'),
  'i',
);

/** Words that come before a role noun without naming a role ("all staff", "password manager"). */
const NOT_A_QUALIFIER =
  'the|a|an|all|any|each|every|our|their|it|its|which|who|whom|also|small|whole|entire|same|single|call|your|his|her|other|such|this|that|these|those|and|or|of|by|to|for|with|from|is|are|be|new|no|password|passwords|package|secret|secrets|key|task|file|credential|session|window|device|hash|domain|patch|log|resource|memory|certificate|download|connection|ad|network|switch';
/** Role nouns, after a qualifier ("Security Officer", "system owner", "line manager", "IT department", "charge nurse"). */
const ROLE_NOUN =
  'officers?|officials?|owners?|managers?|administrators?|admins?|custodians?|stewards?|directors?|coordinators?|supervisors?|teams?|departments?|committees?|boards?|councils?|executives?|personnel|staff|auditors?|analysts?|engineers?|representatives?|designees?|delegates?|champions?|guardians?|architects?|specialists?|leads?|heads?|commanders?|responders?|nurses?|physicians?|clinicians?|pharmacists?|matrons?';
const ROLE = new RegExp(
  [
    `\\b(?!(?:${NOT_A_QUALIFIER})\\b)[\\p{L}][\\p{L}-]+ (?:${ROLE_NOUN})\\b`,
    '(?<!(?:password|package|secrets?|key|task|file|credential|session|window|device|resource|memory|certificate|download|connection|network) )\\bmanager\\b',
    '\\b(?:owner|officer|supervisor|administrator|custodian|steward|executive|director|board|human resources|sysadmins?|helpdesk|data controllers?|founders?|(?:vice )?president|VPs? of \\p{L}+|(?:senior |executive |company |organi[sz]ational )?leadership|(?:legal|general) counsel|head of [\\p{L}]+|(?:senior|executive|line|top) management|management team|(?:help|service|support) desk)\\b',
    '\\{\\{[^}\\n]*(?:officer|owner|manager|team|lead|admin|role)[^}\\n]*\\}\\}',
    '\\[(?:[^\\]\\n]{0,20})(?:officer|owner|manager|team|lead|role|name|title)(?:[^\\]\\n]{0,20})\\]',
  ].join('|'),
  'iu',
);
/** Role acronyms, matched in capitals only ("CISO", not "ciso"; "HR", never the word "it"). */
const ROLE_ACRONYM = /\b(?:CISO|CIO|CTO|CEO|CSO|CPO|CMIO|CCO|CFO|COO|DPO|SIRO|HR|IT (?:department|team|staff|personnel|manager|director|lead)|ISSO|ISSM)\b/;

const PATTERNS: Record<Concept, RegExp[]> = { frequency: [FREQUENCY], duration: [DURATION], role: [ROLE, ROLE_ACRONYM] };
/** A cheap test that must pass before the full patterns are tried (most text has no role noun and no number). */
const HINTS: Record<Concept, RegExp> = {
  frequency: /ly\b|annual|ennial|every|each|once|twice|times|per |\d|cycle|\[|_|\{|</i,
  duration: /\d|immediate|same |next |end of|without delay|forthwith|an? (?:day|week|month|year|hour|minute)|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|sixty|ninety|hundred|\[|_|\{|<|\b[xn]\b/i,
  role: /officer|official|president|VPs? of|leadership|sysadmin|helpdesk|controller|founder|commander|responder|counsel|nurse|physician|clinician|pharmacist|matron|owner|manag|admin|custodian|steward|director|coordinator|supervisor|team|department|committee|board|council|executive|personnel|staff|auditor|analyst|engineer|representative|designee|delegate|champion|guardian|architect|specialist|lead|head|human resources|desk|\{\{|\[|\b[A-Z]{2,5}\b/i,
};

/** The first place a concept occurs in a text, as [start, end), or undefined (`hinted: false` skips the cheap pre-test, for tests). */
export function findConcept(concept: Concept, text: string, hinted = true): { start: number; end: number } | undefined {
  if (hinted && !HINTS[concept].test(text)) return undefined;
  let first: RegExpExecArray | null = null;
  for (const pattern of PATTERNS[concept]) {
    const match = pattern.exec(text);
    if (match && (!first || match.index < first.index)) first = match;
  }
  return first ? { start: first.index, end: first.index + first[0].length } : undefined;
}
