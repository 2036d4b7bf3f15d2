import type { Catalog } from '../catalog/catalog';
import type { ApplicabilityEntry } from '../document/applicability';
import type { ControlCoverage, CoverageReport } from './coverage';
import type { SummaryIndex } from './summaryIndex';
import type { DocumentSummary } from './summary';

/** True when the document is a Statement of Applicability: a policy document of `type: soa`. */
export function isSoaDocument(summary: DocumentSummary): boolean {
  return summary.isPolicy && summary.type === 'soa';
}

/** The SoA documents (`type: soa`) of a policy set, in path order; a set should have one. */
export function soaDocuments(index: SummaryIndex): DocumentSummary[] {
  return index.ofType('soa');
}

/**
 * The entry of an SoA that speaks for a control: the control's own, else its objective's, else its
 * category's (the first when an id is listed twice).
 */
export function entryFor(catalog: Catalog, entries: readonly ApplicabilityEntry[], controlId: string): ApplicabilityEntry | undefined {
  const control = catalog.control(controlId);
  if (!control) return undefined;
  for (const id of [control.id, control.objectiveId, control.categoryId]) {
    const entry = entries.find((candidate) => candidate.control && catalog.lookup(candidate.control.source)?.id === id);
    if (entry) return entry;
  }
  return undefined;
}

/** A document that claims a control, as an SoA row lists it. */
export interface StatementDocument {
  id: string;
  status?: string;
  version?: string;
}

/** One row of the Statement of Applicability: a control with the SoA's entry and the documents' side. */
export interface StatementRow {
  coverage: ControlCoverage;
  applicable: boolean;
  /** "risk: R-12", "legal: GDPR Art. 32". */
  reasons: string[];
  /** The justification of the exclusion that makes the control not applicable (else of any exclusion of it). */
  exclusion?: string;
  status?: string;
  owner?: string;
  documents: StatementDocument[];
  evidence: string[];
  /** The latest last-reviewed date of the documents that claim or exclude the control. */
  lastReview?: string;
}

/** The Statement of Applicability: the SoA document's own facts and one row per control of the catalog. */
export interface Statement {
  soa?: { path: string; id?: string; title?: string; version?: string; date?: string; approver?: string; status?: string };
  report: CoverageReport;
  rows: StatementRow[];
}

/**
 * Joins a coverage report (computed once, as every coverage format uses it) with the policy set's
 * SoA document. Without an SoA document the rows still show applicability, documents and exclusions.
 */
export function buildStatement(report: CoverageReport, index: SummaryIndex, catalog: Catalog, soa: DocumentSummary | undefined): Statement {
  const entries = soa?.applicability ?? [];
  const rows = report.controls.map((coverage): StatementRow => {
    const entry = entryFor(catalog, entries, coverage.id);
    const exclusion = coverage.exclusions.find((candidate) => candidate.valid) ?? coverage.exclusions[0];
    const involved = [...coverage.claims, ...coverage.exclusions].map((item) => index.get(item.path)).filter((summary): summary is DocumentSummary => summary !== undefined);
    const reviews = involved.map((summary) => summary.lastReviewed).filter((date): date is string => date !== undefined).sort();
    return {
      coverage,
      applicable: coverage.state !== 'excluded',
      reasons: entry?.reasons.map((reason) => `${reason.kind}: ${reason.reference.value}`) ?? [],
      exclusion: exclusion && `${exclusion.justification ?? ''}${exclusion.until ? ` (until ${exclusion.until})` : ''}`,
      status: entry?.status?.value,
      owner: entry?.owner?.value ?? involved.find((summary) => summary.owner)?.owner,
      documents: coverage.claims.map((claim) => ({ id: claim.documentId ?? claim.path, status: claim.status, version: index.get(claim.path)?.version })),
      evidence: entry?.evidence.map((link) => link.value) ?? [],
      lastReview: reviews.at(-1),
    };
  });
  const header = soa && {
    path: soa.path,
    id: soa.id?.value,
    title: soa.title,
    version: soa.version,
    date: soa.effective ?? soa.lastReviewed,
    approver: soa.approvedBy,
    status: soa.status,
  };
  return { soa: header, report, rows };
}
