import type { Catalog } from '../../../catalog/catalog';
import type { ControlCoverage, CoverageReport, StateCounts } from '../../../workspace/coverage';
import { displayPath } from '../paths';

/** What every coverage format needs: the report, the catalog behind it, and how to show paths. */
export interface CoverageInput {
  report: CoverageReport;
  catalog: Catalog;
  cwd: string;
  /** Number of policy documents the report was made from. */
  documents: number;
}

/** "POL-AC-001 (approved)" for each claiming document, or the excluding document. */
export function coveredBy(control: ControlCoverage, input: CoverageInput, withStatus = true): string[] {
  const claims = control.claims.map((claim) => `${claim.documentId ?? displayPath(claim.path, input.cwd)}${withStatus && claim.status ? ` (${claim.status})` : ''}`);
  const exclusions = control.exclusions.map((exclusion) => `${exclusion.documentId ?? displayPath(exclusion.path, input.cwd)} (excludes)`);
  return [...claims, ...exclusions];
}

/** The justification of a valid exclusion, else the reasons the control is not covered. */
export function notes(control: ControlCoverage): string {
  if (control.state === 'excluded') {
    const exclusion = control.exclusions.find((entry) => entry.valid)!;
    return `${exclusion.justification ?? ''}${exclusion.until ? ` (until ${exclusion.until})` : ''}`;
  }
  return control.reasons.join('; ');
}

/**
 * "3 covered, 1 partial, 0 excluded, 2 gap of 6 controls", and the covered percentage when given:
 * adopt sums several policy sets, where one percentage would mix catalogs, and leaves it out.
 */
export function headline(totals: StateCounts & { total: number; coveredPercent?: number }): string {
  const counts = `${totals.covered} covered, ${totals.partial} partial, ${totals.excluded} excluded, ${totals.gap} gap of ${totals.total} controls`;
  return totals.coveredPercent === undefined ? counts : `${counts}: ${totals.coveredPercent.toFixed(1)} % of the applicable controls covered`;
}
