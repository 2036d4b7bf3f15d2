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
    'The Statement of Applicability lists controls that do not apply, each with a reason an auditor can accept. An exclusion needs a justification of a few words at least; `until` makes it expire so it is decided again; essential controls (see `essential` in the catalog, overridable in config) cannot be excluded by a health organisation; and a control cannot be both claimed and excluded, in this document or another. Under ISO/IEC 27002:2022, an entry still written with an ISO/IEC 27002:2013 id (11.1.6) is judged as the exclusion registers judge it, against each control the id became: its justification, its expiry and whether one of those controls is essential are checked here, once each; that the id is a 2013 one, what the entry leaves in scope and a claim it conflicts with are `unknown-clause`\'s finding on the id.',
  check({ summary, catalog, config, index, today, report }) {
    const claimed = new Set(summary.clauses.map((claim) => normalizeClauseId(claim.source)));
    for (const exclusion of summary.exclusions) {
      if (!exclusion.clause) continue;
      const control = catalog.control(exclusion.clause.source);
      // Under ISO/IEC 27002:2022 an earlier-edition id (11.1.6) is judged against each control it became,
      // as coverage and the registers judge it. That the id is a 2013 one is unknown-clause's finding, which
      // also says what it leaves in scope and a claim it conflicts with: here only the entry's own problems.
      const successors = control ? [] : catalog.successors(exclusion.clause.source);
      const judged = control ? [control] : successors;
      if (judged.length === 0) continue;
      const label = control ? `${control.id} ${control.title}` : `${exclusion.clause.source} (ISO/IEC 27002:2013, read as ${successors.map((successor) => `${successor.id} ${successor.title}`).join(' and ')})`;
      const clause = control?.id ?? exclusion.clause.source;
      const reported = new Set<string>();
      for (const target of judged) {
        for (const problem of exclusionProblems(exclusion, target, config, today)) {
          // The justification and the date are the entry's, whichever control it is read as: said once.
          if (problem.kind !== 'essential' && reported.has(problem.kind)) continue;
          reported.add(problem.kind);
          switch (problem.kind) {
            case 'no-justification': {
              // A bare id (`- 11.1.6`) has no place for a justification yet: show the entry's shape.
              const bare = exclusion.range.start === exclusion.clause.range.start && exclusion.range.end === exclusion.clause.range.end;
              const how = bare ? `write the entry as "- clause: ${exclusion.clause.source}" with "justification: <why it does not apply>" on the next line` : 'say why the control does not apply here';
              report({ message: `the exclusion of ${label} has no justification; ${how}`, range: exclusion.range, clause });
              break;
            }
            case 'short-justification':
              report({
                message: `the justification for excluding ${label} is too short to convince an auditor ("${exclusion.justification!.value}"); say why the control does not apply here`,
                range: exclusion.justification!.range,
                clause,
              });
              break;
            case 'expired':
              report({ message: `the exclusion of ${label} expired on ${exclusion.until!.value}; decide again, then extend "until" or claim the control`, range: exclusion.until!.range, clause });
              break;
            case 'essential': {
              const named = control ? label : `${target.id} ${target.title} (which ${exclusion.clause.source} became)`;
              report({
                message: `${named} is essential for a health organisation and cannot be excluded${target.reason ? ` (${target.reason.replace(/\.$/, '')})` : ''}; claim it in a document that addresses it`,
                range: exclusion.clause.range,
                clause: target.id,
              });
              break;
            }
            // not-a-date: frontmatter-schema reports the date itself.
          }
        }
      }
      if (!control) continue;
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
