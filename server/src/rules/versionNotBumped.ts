import { changeSinceBaseOf } from '../policy/changeSinceBase';
import type { WorkspaceRule } from './types';

export const versionNotBumped: WorkspaceRule = {
  id: 'version-not-bumped',
  description: 'An approved document changed since the base revision while its version stayed the same',
  severity: 'error',
  fixable: false,
  workspace: true,
  reads: [],
  rationale:
    'Runs only with a base revision (`clausewise diff`, `clausewise check --base REF`); without one it is silent. A document approved at the base and still approved must carry a new `version` when its body, `clauses` or `excludes` change: the version is how readers, auditors and the Statement of Applicability tell the approved text from the one they hold. Line endings and trailing spaces do not count as a change. Raise the version (and see `approval-stale` for the approval itself); there is no automatic fix, since only you know whether the change is major or minor.',
  check({ document, base, report }) {
    const change = changeSinceBaseOf(document, base);
    if (!change || change.before.status !== 'approved' || change.after.status !== 'approved') return;
    if (!change.bodyChanged && !change.claimsChanged) return;
    if (change.after.version === undefined || change.after.version !== change.before.version) return;
    const what = [change.bodyChanged && 'text', change.claimsChanged && 'claims'].filter(Boolean).join(' and ');
    report({
      message: `this approved document's ${what} changed since ${base!.label}, but its version is still ${change.after.version}; raise the version`,
      range: change.head.fields.get('version')!.valueRange,
    });
  },
};
