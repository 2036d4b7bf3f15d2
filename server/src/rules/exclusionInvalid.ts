import { normalizeClauseId } from '../catalog/clauseId';
import { exclusionProblems } from '../model/exclusionProblems';
import type { WorkspaceRule } from './types';

export const exclusionInvalid: WorkspaceRule = {
  id: 'exclusion-invalid',
  description: 'An exclusion has no real justification, has expired, excludes an essential control, or conflicts with a claim',
  severity: 'error',
  fixable: false,
  workspace: true,
  reads: ['claims-of-excluded-controls'],
  rationale:
    'The Statement of Applicability lists controls that do not apply, each with a reason an auditor can accept. An exclusion needs a justification of a few words at least; `until` makes it expire so it is decided again; essential controls (see `essential` in the catalog, overridable in config) cannot be excluded by a health organisation; and a control cannot be both claimed and excluded, in this document or another.',
  check({ summary, catalog, config, index, today, report }) {
    const claimed = new Set(summary.clauses.map((claim) => normalizeClauseId(claim.source)));
    for (const exclusion of summary.exclusions) {
      const control = exclusion.clause && catalog.control(exclusion.clause.source);
      if (!exclusion.clause || !control) continue;
      const label = `${control.id} ${control.title}`;
      for (const problem of exclusionProblems(exclusion, control, config, today)) {
        switch (problem.kind) {
          case 'no-justification': {
            // A bare id (`- 11.1.6`) has no place for a justification yet: show the entry's shape.
            const bare = exclusion.range.start === exclusion.clause.range.start && exclusion.range.end === exclusion.clause.range.end;
            const how = bare ? `write the entry as "- clause: ${exclusion.clause.source}" with "justification: <why it does not apply>" on the next line` : 'say why the control does not apply here';
            report({ message: `the exclusion of ${label} has no justification; ${how}`, range: exclusion.range, clause: control.id });
            break;
          }
          case 'short-justification':
            report({
              message: `the justification for excluding ${label} is too short to convince an auditor ("${exclusion.justification!.value}"); say why the control does not apply here`,
              range: exclusion.justification!.range,
              clause: control.id,
            });
            break;
          case 'expired':
            report({ message: `the exclusion of ${label} expired on ${exclusion.until!.value}; decide again, then extend "until" or claim the control`, range: exclusion.until!.range, clause: control.id });
            break;
          case 'essential':
            report({
              message: `${label} is essential for a health organisation and cannot be excluded${control.reason ? ` (${control.reason.replace(/\.$/, '')})` : ''}; claim it in a document that addresses it`,
              range: exclusion.clause.range,
              clause: control.id,
            });
            break;
          // not-a-date: frontmatter-schema reports the date itself.
        }
      }
      if (claimed.has(control.id)) {
        report({ message: `${label} is both claimed in clauses and excluded; keep one`, range: exclusion.clause.range, clause: control.id });
      }
      const claimers = index.claiming(control.id).filter((other) => other.path !== summary.path);
      if (claimers.length > 0) {
        const names = claimers.map((other) => other.id?.value ?? other.path).join(', ');
        report({ message: `${label} is excluded here but claimed by ${names}; keep one`, range: exclusion.clause.range, clause: control.id });
      }
    }
  },
};
