import type { Catalog } from '../catalog/catalog';
import type { ResolvedConfig } from '../config/types';
import { compareStanding } from './exclusionProblems';
import type { DocumentSummary } from './summary';
import { writtenExclusions, type ExclusionAsRead } from './writtenExclusions';

/** One `excludes` entry of a policy set, in the document that writes it, read as coverage reads it. */
export interface RegisterEntry extends ExclusionAsRead {
  summary: DocumentSummary;
}

/**
 * Every `excludes` entry written in the documents, one per entry (ids the catalog does not know and
 * earlier-edition ids too): expired ones first (the longest expired first), then those not valid,
 * then those in force; within each, in catalog order (unknown ids last), then by document and place.
 * The HTML report's register and the editor's are both this list.
 */
export function exclusionRegister(policies: DocumentSummary[], catalog: Catalog, config: ResolvedConfig, today: string): RegisterEntry[] {
  const order = new Map(catalog.controls.map((control, at) => [control.id, at]));
  const rank = (entry: RegisterEntry) => (entry.control ? order.get(entry.control.id)! : order.size);
  const entries = policies.flatMap((summary) => writtenExclusions(summary, catalog, config, today).map((read) => ({ ...read, summary })));
  const standing = ({ expired, valid, exclusion }: RegisterEntry) => ({ expired, valid, until: exclusion.until?.value });
  return entries.sort((a, b) => compareStanding(standing(a), standing(b)) || rank(a) - rank(b) || a.summary.path.localeCompare(b.summary.path) || a.exclusion.range.start - b.exclusion.range.start);
}

/** What every register shows of an entry, whoever renders it: the excluding document's id and owner, the entry's justification and expiry, and how it stands. */
export function registerFields({ summary, exclusion, expired, valid, problems, effect }: RegisterEntry) {
  return {
    documentId: summary.id?.value,
    owner: summary.owner,
    justification: exclusion.justification?.value,
    until: exclusion.until?.value,
    expired,
    valid,
    problems,
    effect,
  };
}
