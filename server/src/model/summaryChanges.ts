import type { Exclusion } from '../document/types';
import type { DocumentSummary, ElementStatus } from './summary';

/**
 * What a change to one document's summary (`before` → `after`; undefined: new, or gone) can move
 * in the workspace's answers: the coverage report, and what the views list of a policy document.
 */

/** True when a change can move the coverage report: anything computeCoverage reads from a summary differs. Compared in place, field by field. */
export function coverageInputsChanged(before: DocumentSummary | undefined, after: DocumentSummary | undefined): boolean {
  const read = before?.isPolicy ? before : undefined;
  const next = after?.isPolicy ? after : undefined;
  if (read === undefined || next === undefined) return read !== next;
  return (
    read.id?.value !== next.id?.value ||
    COVERAGE_FIELDS.some((key) => read[key] !== next[key]) ||
    !sameList(read.clauses, next.clauses, (one, other) => one.source === other.source) ||
    !sameList(read.exclusions, next.exclusions, sameExclusion) ||
    !sameElements(read.elements, next.elements)
  );
}

const COVERAGE_FIELDS = ['title', 'status', 'owner', 'effective', 'lastReviewed', 'nextReview', 'reviewEvery'] as const;

function sameList<T>(one: readonly T[], other: readonly T[], same: (one: T, other: T) => boolean): boolean {
  return one.length === other.length && one.every((each, index) => same(each, other[index]!));
}

function sameExclusion(one: Exclusion, other: Exclusion): boolean {
  return one.clause?.source === other.clause?.source && one.justification?.value === other.justification?.value && one.until?.value === other.until?.value;
}

/** The same controls in the same order, each with its elements in the same states, places and words. */
function sameElements(one: DocumentSummary['elements'], other: DocumentSummary['elements']): boolean {
  const controls = Object.keys(one);
  const otherControls = Object.keys(other);
  return (
    sameList(controls, otherControls, (control, otherControl) => control === otherControl) &&
    controls.every((control) => sameList(one[control]!, other[control]!, sameStatus))
  );
}

function sameStatus(one: ElementStatus, other: ElementStatus): boolean {
  return (
    one.id === other.id &&
    one.state === other.state &&
    one.line === other.line &&
    one.heading === other.heading &&
    (one.words === other.words || (one.words !== undefined && other.words !== undefined && sameList(one.words, other.words, (word, otherWord) => word === otherWord)))
  );
}

/**
 * True when a change moves what the views list of policy documents: a policy document comes or goes
 * (a document becoming, or ceasing to be, a policy counts), or its id, title, type, status, owner,
 * version, approval or review dates change, or one of its `excludes` entries moves to another line
 * (the exclusion registers open the document at each entry's line: coverage itself does not move).
 */
export function listingChanged(before: DocumentSummary | undefined, after: DocumentSummary | undefined): boolean {
  const listedBefore = before?.isPolicy ? before : undefined;
  const listedAfter = after?.isPolicy ? after : undefined;
  if (listedBefore === undefined || listedAfter === undefined) return listedBefore !== listedAfter;
  return (
    listedBefore.id?.value !== listedAfter.id?.value ||
    LISTED.some((key) => listedBefore[key] !== listedAfter[key]) ||
    !sameList(listedBefore.exclusions, listedAfter.exclusions, (one, other) => one.line === other.line)
  );
}

const LISTED = ['title', 'type', 'status', 'owner', 'version', 'approvedBy', 'effective', 'lastReviewed', 'nextReview', 'reviewEvery'] as const;
