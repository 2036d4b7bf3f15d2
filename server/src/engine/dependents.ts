import { normalizeClauseId } from '../catalog/clauseId';
import { linkTarget } from '../model/linkTarget';
import type { DocumentSummary } from '../model/summary';
import { coverageInputsChanged } from '../model/summaryChanges';
import type { SummaryIndex } from '../model/summaryIndex';
import { rules as allRules } from '../rules/registry';
import { documentsChecked, ruleChecks } from '../rules/scope';
import type { OtherDocumentsRead, Rule } from '../rules/types';

/** One document's summary going from `before` to `after` (undefined: new, or gone), in a set whose index already holds `after`. */
interface SummaryChange {
  index: SummaryIndex;
  before?: DocumentSummary;
  after?: DocumentSummary;
  /** The set's config root, against which links written `/docs/x.md` resolve. */
  root?: string;
}

/** What a reader answers when every document a rule checks reads what changed (the rule's scope then picks them). */
const EVERY_CHECKED = 'every-checked-document';

/**
 * For each thing a workspace rule may read of other documents, the documents whose reading of it a
 * change can alter (before the rule's scope is applied): the inverse of what the rules declare.
 */
const readersOf: Record<OtherDocumentsRead, (change: SummaryChange) => DocumentSummary[] | typeof EVERY_CHECKED> = {
  'same-id': ({ index, before, after }) => changedIds(before, after).flatMap((id) => index.withId(id)),
  'related-ids': ({ index, before, after }) => {
    const ids = changedIds(before, after);
    if (!ids.length) return [];
    // Unresolved references suggest the nearest existing ids, so each may read differently now.
    const unresolved = index.policies().filter((summary) => summary.related.some((reference) => index.withId(reference.value).length === 0));
    return [...ids.flatMap((id) => index.referencing(id)), ...unresolved];
  },
  'claims-of-excluded-controls': ({ index, before, after }) => {
    const oldClaims = claimedIds(before);
    const newClaims = claimedIds(after);
    // The claiming documents are named by id, so an id change touches every control claimed.
    const idChanged = changedIds(before, after).length > 0;
    return [...new Set([...oldClaims, ...newClaims])].filter((clause) => idChanged || oldClaims.has(clause) !== newClaims.has(clause)).flatMap((clause) => index.excluding(clause));
  },
  coverage: ({ before, after }) => (coverageInputsChanged(before, after) ? EVERY_CHECKED : []),
  'link-targets': ({ index, before, after, root }) => {
    const path = (after ?? before)?.path;
    if (path === undefined || (before !== undefined && after !== undefined)) return [];
    return index.policies().filter((summary) => summary.links.some((link) => linkTarget(summary.path, link.url, root)?.path === path));
  },
};

/**
 * Paths of the other documents whose workspace-rule findings can change when one document's summary
 * goes from `before` to `after` (undefined when the document is new or gone): for each workspace rule,
 * the documents it checks whose reading of what the rule declares it `reads` the change alters.
 * The index must already hold `after`. `root` is the set's config root.
 */
export function dependentsOf(index: SummaryIndex, before: DocumentSummary | undefined, after: DocumentSummary | undefined, root?: string, rules: readonly Rule[] = allRules): string[] {
  const change: SummaryChange = { index, before, after, root };
  const found = new Set<string>();
  const readers = new Map<OtherDocumentsRead, DocumentSummary[] | typeof EVERY_CHECKED>();
  for (const rule of rules) {
    if (!rule.workspace) continue;
    for (const what of rule.reads) {
      if (!readers.has(what)) readers.set(what, readersOf[what](change));
      const read = readers.get(what)!;
      if (read === EVERY_CHECKED) for (const summary of documentsChecked(rule, index)) found.add(summary.path);
      else for (const summary of read) if (ruleChecks(rule, summary)) found.add(summary.path);
    }
  }
  const path = (after ?? before)?.path;
  if (path !== undefined) found.delete(path);
  return [...found].sort();
}

/** The old and the new policy id when the change alters it (none otherwise). */
function changedIds(before: DocumentSummary | undefined, after: DocumentSummary | undefined): string[] {
  const oldId = policyId(before);
  const newId = policyId(after);
  return oldId === newId ? [] : [oldId, newId].filter((id): id is string => id !== undefined);
}

function policyId(summary: DocumentSummary | undefined): string | undefined {
  return summary?.isPolicy ? summary.id?.value : undefined;
}

function claimedIds(summary: DocumentSummary | undefined): Set<string> {
  if (!summary?.isPolicy) return new Set();
  return new Set(summary.clauses.map((claim) => normalizeClauseId(claim.source)).filter((id): id is string => id !== undefined));
}
