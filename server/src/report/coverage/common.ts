import type { Catalog } from '../../catalog/catalog';
import type { ResolvedConfig } from '../../config/types';
import type { ControlCoverage, CoverageReport, StateCounts } from '../../model/coverage';
import { exclusionRegister, type RegisterEntry } from '../../model/exclusionRegister';
import type { DocumentSummary } from '../../model/summary';
import { displayPath } from '../displayPath';

/** What every coverage format needs: the report, the catalog behind it, and how to show paths. */
export interface CoverageInput {
  report: CoverageReport;
  catalog: Catalog;
  cwd: string;
  /** Number of policy documents the report was made from. */
  documents: number;
  /** Every `excludes` entry of those documents as written, with its verdict (the exclusion register). */
  register: RegisterEntry[];
}

/** A policy set's coverage report with what every format needs beside it: the CLI's and the editor's one way to make it. */
export function coverageInput(report: CoverageReport, policies: DocumentSummary[], catalog: Catalog, config: ResolvedConfig, cwd: string): CoverageInput {
  return { report, catalog, cwd, documents: policies.length, register: exclusionRegister(policies, catalog, config, report.today) };
}

/** "POL-AC-001 (approved)" for each claiming document, or the excluding document. */
export function coveredBy(control: ControlCoverage, input: CoverageInput, withStatus = true): string[] {
  const via = (ids?: string[]) => (ids ? `via ${ids.join(' + ')}` : undefined);
  const notes = (...parts: (string | undefined | false)[]) => (parts.some(Boolean) ? ` (${parts.filter(Boolean).join(', ')})` : '');
  const claims = control.claims.map((claim) => `${claim.documentId ?? displayPath(claim.path, input.cwd)}${notes(withStatus && claim.status, via(claim.via))}`);
  const exclusions = control.exclusions.map((exclusion) => `${exclusion.documentId ?? displayPath(exclusion.path, input.cwd)}${notes('excludes', via(exclusion.via))}`);
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

/**
 * Said when claims or exclusions were projected (coverage under ISO/IEC 27002:2022 of documents still
 * naming 2013 ids): how many documents, and what a projection can and cannot tell.
 */
export function projectionNote(report: CoverageReport): string | undefined {
  const paths = new Set(report.controls.flatMap((control) => [...control.claims, ...control.exclusions].filter((entry) => entry.via).map((entry) => entry.path)));
  if (paths.size === 0) return undefined;
  return `Projected: ${paths.size} document${paths.size === 1 ? ' names' : 's name'} ISO/IEC 27002:2013 ids, counted here through the correspondence ("via"). A control merged from several 2013 controls may be claimed through only one of them: check its elements before relying on it.`;
}
