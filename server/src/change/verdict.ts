import type { ChangeReport } from './types';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The one line a reviewer reads first: what the change does to compliance, worst news first. */
export function verdictOf(report: Pick<ChangeReport, 'summary' | 'findings'>): string {
  const { summary } = report;
  const stale = new Set(report.findings.new.filter((finding) => finding.ruleId === 'approval-stale').map((finding) => finding.path)).size;
  const parts = [
    summary.controlsLosingCoverage && `${count(summary.controlsLosingCoverage, 'control loses', 'controls lose')} coverage`,
    summary.approvedWithoutNewVersion && `${count(summary.approvedWithoutNewVersion, 'approved policy', 'approved policies')} changed without a new version`,
    stale && `${count(stale, 'approved policy', 'approved policies')} changed without a new approval`,
    summary.newFindings && `${count(summary.newFindings, 'new finding', 'new findings')}${summary.newErrors ? ` (${count(summary.newErrors, 'error', 'errors')})` : ''}`,
    summary.controlsGainingCoverage && `${count(summary.controlsGainingCoverage, 'control gains', 'controls gain')} coverage`,
    summary.resolvedFindings && `${count(summary.resolvedFindings, 'finding', 'findings')} resolved`,
  ].filter((part): part is string => Boolean(part));
  if (parts.length > 0) return parts.join(', ');
  const documents = summary.documentsAdded + summary.documentsRemoved + summary.documentsRenamed + summary.documentsModified;
  return documents === 0 ? 'No policy document changed' : `${count(documents, 'policy document changes', 'policy documents change')}; coverage and findings stay the same`;
}
