import { describe, expect, it } from 'vitest';
import type { ControlCoverage, CoverageState } from '../../../server/src/protocol/customMessages';
import { describeFilter, passes, type CoverageFilter } from '../../../client/src/views/coverageFilter';

function control(id: string, state: CoverageState, options: { essential?: boolean; overdue?: boolean } = {}): ControlCoverage {
  const claims = options.overdue ? [{ path: `/ws/${id}.md`, overdue: true, missing: [], empty: [], elements: [], complete: false }] : [];
  return { id, title: id, objectiveId: '5.1', categoryId: '5', essential: options.essential ?? false, state, claims, exclusions: [], reasons: [] };
}

const controls = [
  control('5.1.1', 'gap', { essential: true }),
  control('5.1.2', 'gap'),
  control('6.1.1', 'partial', { overdue: true }),
  control('6.1.2', 'covered'),
  control('11.1.6', 'excluded'),
  control('9.4.2', 'partial', { essential: true }),
];

const shown = (...filter: CoverageFilter[]) => controls.filter((entry) => passes(entry, new Set(filter))).map((entry) => entry.id);

describe('the Coverage view filter', () => {
  it('shows every control without a filter, and only the chosen states (any of them) with one', () => {
    expect(shown()).toHaveLength(controls.length);
    expect(shown('gap')).toEqual(['5.1.1', '5.1.2']);
    expect(shown('gap', 'excluded')).toEqual(['5.1.1', '5.1.2', '11.1.6']);
  });

  it('overdue picks controls with a claim past its review date; essential narrows the others', () => {
    expect(shown('overdue')).toEqual(['6.1.1']);
    expect(shown('essential')).toEqual(['5.1.1', '9.4.2']);
    expect(shown('gap', 'essential')).toEqual(['5.1.1']);
    expect(shown('partial', 'essential')).toEqual(['9.4.2']);
  });

  it('says in the view how many controls it shows, so the count and the list agree', () => {
    expect(describeFilter(controls, new Set())).toBeUndefined();
    expect(describeFilter(controls, new Set<CoverageFilter>(['gap']))).toBe('2 of 6 controls · gap');
    expect(describeFilter(controls, new Set<CoverageFilter>(['essential', 'partial', 'overdue']))).toBe('1 of 6 controls · partial, overdue, essential');
  });
});
