import { normalizeClauseId } from '../catalog/clauseId';
import { linkTarget } from '../rules/brokenReference';
import type { WorkspaceIndex } from './workspaceIndex';
import { soaDocuments } from './statement';
import type { DocumentSummary } from './summary';

/**
 * Paths of the other documents whose workspace-rule findings can change when one document's summary
 * goes from `before` to `after` (undefined when the document is new or gone): documents sharing or
 * naming its id (duplicate-id, broken-reference), documents excluding a control it claims or stops
 * claiming (exclusion-invalid), the SoA documents when its coverage inputs change (soa-incomplete),
 * and, when the file appears or disappears, documents linking to it.
 * The index must already hold `after`. `root` is the set's config root, against which links written
 * `/docs/x.md` resolve, as the broken-reference rule resolves them.
 */
export function dependentsOf(index: WorkspaceIndex, before: DocumentSummary | undefined, after: DocumentSummary | undefined, root?: string): string[] {
  const path = (after ?? before)?.path;
  const found = new Set<string>();
  const add = (summaries: DocumentSummary[]) => summaries.forEach((summary) => found.add(summary.path));
  const oldId = policyId(before);
  const newId = policyId(after);
  const idChanged = oldId !== newId;
  if (idChanged) {
    for (const id of [oldId, newId]) {
      if (id === undefined) continue;
      add(index.withId(id));
      add(index.referencing(id));
    }
    // broken-reference suggests the nearest existing ids, so every unresolved reference may read differently now.
    add(index.policies().filter((summary) => summary.related.some((reference) => index.withId(reference.value).length === 0)));
  }
  const oldClaims = claimedIds(before);
  const newClaims = claimedIds(after);
  for (const clause of new Set([...oldClaims, ...newClaims])) {
    // exclusion-invalid names the claiming documents by id, so an id change touches every claimed control.
    if (idChanged || oldClaims.has(clause) !== newClaims.has(clause)) add(index.excluding(clause));
  }
  // soa-incomplete reads every document's coverage: the SoA follows any change to it.
  if (coverageInputsChanged(before, after)) add(soaDocuments(index));
  if (path !== undefined && (before === undefined || after === undefined)) {
    add(index.policies().filter((summary) => summary.links.some((link) => linkTarget(summary.path, link.url, root)?.path === path)));
  }
  if (path !== undefined) found.delete(path);
  return [...found].sort();
}

function policyId(summary: DocumentSummary | undefined): string | undefined {
  return summary?.isPolicy ? summary.id?.value : undefined;
}

function claimedIds(summary: DocumentSummary | undefined): Set<string> {
  if (!summary?.isPolicy) return new Set();
  return new Set(summary.clauses.map((claim) => normalizeClauseId(claim.source)).filter((id): id is string => id !== undefined));
}

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
