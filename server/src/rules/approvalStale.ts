import { changeSinceBaseOf } from '../policy/changeSinceBase';
import type { WorkspaceRule } from './types';

export const approvalStale: WorkspaceRule = {
  id: 'approval-stale',
  description: 'An approved document changed since the base revision without a new approval, or left approved without a reason',
  severity: 'warning',
  fixable: false,
  workspace: true,
  reads: [],
  rationale:
    'Runs only with a base revision (`clausewise diff`, `clausewise check --base REF`); without one it is silent. An approval covers the text that was approved. When a document approved at the base is still approved but its body, `clauses` or `excludes` changed, record the new approval: a new `effective` date, or who approved this version in `approved-by`. When a change moves `status` back from approved (to draft, in review or retired), say why in the change: add a line to the document\'s revision history (a section headed "Revision history", "Change log", "Version history" or "Document control").',
  check({ document, base, report }) {
    const change = changeSinceBaseOf(document, base);
    if (!change || change.before.status !== 'approved') return;
    const status = change.head.fields.get('status');
    if (change.after.status !== 'approved') {
      if (!status || change.historyChanged) return;
      report({
        message: `status moved from approved to ${change.after.status ?? 'nothing'} since ${base!.label} without a reason in the change; add a line to the revision history saying why`,
        range: status.valueRange,
      });
      return;
    }
    if (!change.bodyChanged && !change.claimsChanged) return;
    if (change.after.effective !== change.before.effective || change.after.approvedBy !== change.before.approvedBy) return;
    report({
      message: `this approved document changed since ${base!.label}, but effective (${change.after.effective ?? 'none'}) and approved-by (${change.after.approvedBy ?? 'none'}) are as before; record the new approval with a new effective date or approver`,
      range: status!.valueRange,
    });
  },
};
