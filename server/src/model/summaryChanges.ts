import type { DocumentSummary } from './summary';

/**
 * What a change to one document's summary (`before` → `after`; undefined: new, or gone) can move
 * in the workspace's answers: the coverage report, and what the views list of a policy document.
 */

/** True when a change can move the coverage report: anything computeCoverage reads from a summary differs. */
export function coverageInputsChanged(before: DocumentSummary | undefined, after: DocumentSummary | undefined): boolean {
  return coverageSignature(before) !== coverageSignature(after);
}

function coverageSignature(summary: DocumentSummary | undefined): string {
  if (!summary?.isPolicy) return '';
  const { id, title, status, owner, effective, lastReviewed, nextReview, reviewEvery, clauses, exclusions, elements } = summary;
  return JSON.stringify([
    id?.value, title, status, owner, effective, lastReviewed, nextReview, reviewEvery,
    clauses.map((claim) => claim.source),
    exclusions.map((exclusion) => [exclusion.clause?.source, exclusion.justification?.value, exclusion.until?.value]),
    elements,
  ]);
}

/**
 * True when a change moves what the views list of policy documents: a policy document comes or goes
 * (a document becoming, or ceasing to be, a policy counts), or its id, title, type, status, owner,
 * version, approval or review dates change.
 */
export function listingChanged(before: DocumentSummary | undefined, after: DocumentSummary | undefined): boolean {
  const listedBefore = before?.isPolicy ? before : undefined;
  const listedAfter = after?.isPolicy ? after : undefined;
  if (listedBefore === undefined || listedAfter === undefined) return listedBefore !== listedAfter;
  return listedBefore.id?.value !== listedAfter.id?.value || LISTED.some((key) => listedBefore[key] !== listedAfter[key]);
}

const LISTED = ['title', 'type', 'status', 'owner', 'version', 'approvedBy', 'effective', 'lastReviewed', 'nextReview', 'reviewEvery'] as const;
