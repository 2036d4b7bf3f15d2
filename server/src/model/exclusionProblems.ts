import type { Control } from '../catalog/types';
import { isCalendarDate } from '../config/duration';
import { isEssential } from '../config/elements';
import type { ResolvedConfig } from '../config/types';
import type { Exclusion } from '../document/types';
import { justificationWords, MIN_JUSTIFICATION_WORDS } from '../shared/justification';

export interface ExclusionProblem {
  kind: 'no-justification' | 'short-justification' | 'not-a-date' | 'expired' | 'essential';
  /** Short wording for reports ("expired on 2026-01-31"). */
  text: string;
}

/** True when an exclusion's `until` is a date before `today` (the one test of "expired" for rules, reports and gates). */
export function isExpired(until: string | undefined, today: string): boolean {
  return until !== undefined && isCalendarDate(until) && until < today;
}

/** What a register orders exclusions by: whether it has expired, whether it is valid, and its `until`. */
export interface ExclusionStanding {
  expired: boolean;
  valid: boolean;
  until?: string;
}

/**
 * The exclusion registers' order of standing (the control page's and the coverage page's): expired
 * first (the longest expired first), then those not valid, then those in force; 0 within a standing.
 */
export function compareStanding(a: ExclusionStanding, b: ExclusionStanding): number {
  const rank = (entry: ExclusionStanding) => (entry.expired ? 0 : entry.valid ? 2 : 1);
  return rank(a) - rank(b) || (a.expired && b.expired ? a.until!.localeCompare(b.until!) : 0);
}

/**
 * Why an exclusion is not valid on a date, if it is not. The exclusion-invalid rule and the
 * coverage model both decide from this, so the editor's findings and the SoA always agree.
 */
export function exclusionProblems(exclusion: Exclusion, control: Control, config: ResolvedConfig, today: string): ExclusionProblem[] {
  const problems: ExclusionProblem[] = [];
  const words = justificationWords(exclusion.justification?.value);
  if (words === 0) problems.push({ kind: 'no-justification', text: 'no justification' });
  else if (words < MIN_JUSTIFICATION_WORDS) problems.push({ kind: 'short-justification', text: 'justification too short' });
  const until = exclusion.until?.value;
  if (until !== undefined && !isCalendarDate(until)) problems.push({ kind: 'not-a-date', text: `until "${until}" is not a date` });
  else if (isExpired(until, today)) problems.push({ kind: 'expired', text: `expired on ${until}` });
  if (isEssential(control, config)) problems.push({ kind: 'essential', text: 'essential controls cannot be excluded' });
  return problems;
}
