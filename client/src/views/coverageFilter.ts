import type { ControlCoverage, CoverageState } from '../../../server/src/protocol/customMessages';

/** What the Coverage view can be narrowed to: states, controls with an overdue claim, essential controls. */
export type CoverageFilter = Exclude<CoverageState, 'covered'> | 'overdue' | 'essential';

export const COVERAGE_FILTERS: { value: CoverageFilter; label: string; detail: string }[] = [
  { value: 'gap', label: 'Gaps', detail: 'no document covers the control and none excludes it' },
  { value: 'partial', label: 'Partial', detail: 'claimed, but an element is missing, a document is not approved, or a review is overdue' },
  { value: 'overdue', label: 'Overdue reviews', detail: 'a document that claims the control is past its review date' },
  { value: 'excluded', label: 'Excluded', detail: 'excluded with a justification (Statement of Applicability)' },
  { value: 'essential', label: 'Essential only', detail: 'narrows the others to the controls the config marks essential' },
];

/**
 * Whether a control passes the filter: it is in one of the chosen states or has an overdue claim
 * (any of those chosen; all controls when none is), and is essential when `essential` is chosen.
 * An empty filter passes everything.
 */
export function passes(control: ControlCoverage, filter: ReadonlySet<CoverageFilter>): boolean {
  if (filter.has('essential') && !control.essential) return false;
  const kinds = [...filter].filter((entry) => entry !== 'essential');
  if (!kinds.length) return true;
  return kinds.some((kind) => (kind === 'overdue' ? control.claims.some((claim) => claim.overdue) : control.state === kind));
}

/** The view's description under a filter: "12 of 114 controls · gap, overdue" (the count is of what the view shows). */
export function describeFilter(controls: ControlCoverage[], filter: ReadonlySet<CoverageFilter>): string | undefined {
  if (!filter.size) return undefined;
  const shown = controls.filter((control) => passes(control, filter)).length;
  return `${shown} of ${controls.length} controls · ${COVERAGE_FILTERS.filter((entry) => filter.has(entry.value)).map((entry) => entry.value).join(', ')}`;
}
