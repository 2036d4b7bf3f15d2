import type { Claim, ControlCoverage, ExclusionEntry } from './coverage';
import type { ElementStatus } from './summary';

/**
 * Why a control is in its state, whatever the state: for partial and gap, coverage's own reasons (the
 * `reasons` of `coverage --format json`); for covered, each complete claim and how its elements were
 * found; for excluded, each exclusion in force and what it does.
 */
export function stateReasons(control: ControlCoverage): string[] {
  if (control.state === 'covered') return control.claims.filter((claim) => claim.complete).map(coveredBy);
  if (control.state === 'excluded') return control.exclusions.filter((exclusion) => exclusion.valid).map((exclusion) => excludedBy(exclusion, control.id));
  return control.reasons;
}

const FOUND: [ElementStatus['state'], string][] = [
  ['heading', 'under a heading'],
  ['prose', 'in prose'],
];

/** "POL-AC-001 is approved and current (review due 2027-01-20) and has all 4 elements: 3 under a heading, 1 in prose". */
function coveredBy(claim: Claim): string {
  const name = claim.documentId ?? claim.path;
  const through = claim.via ? ` through ${claim.via.join(' + ')} (2013)` : '';
  const current = `${name}${through} is approved and current${claim.reviewDue ? ` (review due ${claim.reviewDue})` : ''}`;
  if (claim.elements.length === 0) return `${current}; the control has no elements to find`;
  const found = FOUND.map(([state, words]) => [claim.elements.filter((element) => element.state === state).length, words] as const)
    .filter(([count]) => count > 0)
    .map(([count, words]) => `${count} ${words}`);
  const all = claim.elements.length === 1 ? 'its one element' : `all ${claim.elements.length} elements`;
  return `${current} and has ${all}: ${found.join(', ')}`;
}

/** "SOA-RV-001 excludes it: "No loading area." (until 2027-06-30): out of scope, not counted as applicable". */
function excludedBy(exclusion: ExclusionEntry, controlId: string): string {
  const name = exclusion.documentId ?? exclusion.path;
  const how = exclusion.via ? `excludes ${exclusion.via.join(' + ')} (2013), which together are ${controlId}` : 'excludes it';
  return `${name} ${how}: "${exclusion.justification ?? ''}"${exclusion.until ? ` (until ${exclusion.until})` : ''}: out of scope, not counted as applicable`;
}
