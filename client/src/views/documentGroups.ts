import type { PolicyDocumentInfo } from '../../../server/src/protocol/customMessages';

/** How the Documents view groups its documents. */
export type DocumentGrouping = 'none' | 'owner' | 'status' | 'type';

export const GROUPINGS: { value: DocumentGrouping; label: string }[] = [
  { value: 'none', label: 'No grouping' },
  { value: 'owner', label: 'Owner' },
  { value: 'status', label: 'Status' },
  { value: 'type', label: 'Type' },
];

/** One group of the Documents view: its name and documents, in review order. */
export interface DocumentGroup {
  name: string;
  /** True for the documents without a value for the field (shown as "no owner" and listed last). */
  unset: boolean;
  documents: PolicyDocumentInfo[];
  overdue: number;
}

/** Documents in review order: overdue ones first, the longest overdue first; then the rest as the server listed them (path order). */
export function inReviewOrder(documents: PolicyDocumentInfo[]): PolicyDocumentInfo[] {
  const overdue = documents.filter((document) => document.overdue).sort((a, b) => (a.reviewDue ?? '').localeCompare(b.reviewDue ?? ''));
  return [...overdue, ...documents.filter((document) => !document.overdue)];
}

/**
 * The documents grouped by owner, status or type: groups with overdue reviews first; among the
 * rest, by name (case-insensitive) with the documents that leave the field unset last; inside each
 * group, review order.
 */
export function groupDocuments(documents: PolicyDocumentInfo[], by: Exclude<DocumentGrouping, 'none'>): DocumentGroup[] {
  // One group per value whatever its case ("CISO", "ciso"), named as the first document spells it.
  const groups = new Map<string, { value: string; members: PolicyDocumentInfo[] }>();
  for (const document of documents) {
    const value = document[by]?.trim() ?? '';
    const group = groups.get(value.toLowerCase()) ?? { value, members: [] };
    group.members.push(document);
    groups.set(value.toLowerCase(), group);
  }
  return [...groups.values()]
    .map(({ value, members }): DocumentGroup => ({ name: value || `no ${by}`, unset: !value, documents: inReviewOrder(members), overdue: members.filter((document) => document.overdue).length }))
    .sort((a, b) => Number(b.overdue > 0) - Number(a.overdue > 0) || Number(a.unset) - Number(b.unset) || a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}
