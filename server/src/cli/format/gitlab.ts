import { createHash } from 'node:crypto';
import { findingKey } from '../../findings/findingKey';
import type { FindingElement } from '../../findings/types';
import type { FileResult } from '../../engine/batch';
import type { PlacedFinding } from './github';
import { placedFindings } from './position';

const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const;

/** Findings of check as GitLab Code Quality issues; paths relative to the working folder (run it at the repository root). */
export function formatGitlab(results: FileResult[], cwd: string): string {
  return gitlabCodeQuality(placedFindings(results, cwd));
}

/**
 * A GitLab Code Quality report (the CodeClimate subset GitLab reads), shaped as markdownlint-cli2's
 * codequality formatter writes it: type, check_name, description, severity, fingerprint and
 * location.path / location.lines.begin. The fingerprint is the finding's identity (rule, file,
 * control, element, message), not its line, so GitLab's merge-request widget sees an edit above a
 * finding as no change; the same finding twice in a file gets a second fingerprint. A finding about
 * several elements of a control (missing-element) is identified by its control alone: its message
 * counts the elements, and adding one of them is progress on the same issue, not a new one.
 */
export function gitlabCodeQuality(findings: (PlacedFinding & { clause?: string; element?: string; elements?: FindingElement[] })[]): string {
  const seen = new Map<string, number>();
  const issues = findings.map((finding) => {
    const key = findingKey(finding.elements === undefined ? finding : { ...finding, message: '' });
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return {
      type: 'issue',
      check_name: finding.ruleId,
      description: `${finding.ruleId}: ${finding.message}`,
      severity: SEVERITY[finding.severity],
      fingerprint: createHash('sha256').update(`${key}\0${occurrence}`).digest('hex'),
      location: { path: finding.path, lines: { begin: finding.line } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
