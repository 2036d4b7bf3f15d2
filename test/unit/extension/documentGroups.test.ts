import { describe, expect, it } from 'vitest';
import type { PolicyDocumentInfo } from '../../../server/src/protocol/customMessages';
import { groupDocuments, inReviewOrder } from '../../../client/src/views/documentGroups';

function doc(id: string, fields: Partial<PolicyDocumentInfo> = {}): PolicyDocumentInfo {
  return { uri: `file:///ws/${id}.md`, id, overdue: false, clauses: [], ...fields };
}

const documents = [
  doc('A', { owner: 'CISO', status: 'approved' }),
  doc('B', { owner: 'DPO', status: 'draft', overdue: true, reviewDue: '2025-03-01' }),
  doc('C', { status: 'approved' }),
  doc('D', { owner: 'ciso', status: 'approved', overdue: true, reviewDue: '2024-01-01' }),
  doc('E', { owner: 'Board', type: 'policy' }),
];

const ids = (list: PolicyDocumentInfo[]) => list.map((document) => document.id);

describe('the Documents view order and groups', () => {
  it('lists overdue reviews first, the longest overdue first, then the rest in the server\'s order', () => {
    expect(ids(inReviewOrder(documents))).toEqual(['D', 'B', 'A', 'C', 'E']);
  });

  it('groups by owner whatever its case: groups with overdue reviews first, then by name, documents without an owner last', () => {
    const groups = groupDocuments(documents, 'owner');
    expect(groups.map((group) => [group.name, ids(group.documents), group.overdue])).toEqual([
      ['CISO', ['D', 'A'], 1],
      ['DPO', ['B'], 1],
      ['Board', ['E'], 0],
      ['no owner', ['C'], 0],
    ]);
  });

  it('groups by status and by type, overdue first inside each group', () => {
    expect(groupDocuments(documents, 'status').map((group) => [group.name, ids(group.documents)])).toEqual([
      ['approved', ['D', 'A', 'C']],
      ['draft', ['B']],
      ['no status', ['E']],
    ]);
    expect(groupDocuments(documents, 'type').map((group) => [group.name, ids(group.documents), group.unset])).toEqual([
      ['no type', ['D', 'B', 'A', 'C'], true],
      ['policy', ['E'], false],
    ]);
  });
});
