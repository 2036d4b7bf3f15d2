/** What identifies a finding: its rule, document, control, element and message. */
export interface FindingIdentity {
  ruleId: string;
  path: string;
  clause?: string;
  element?: string;
  message: string;
  /** The path to match under when it differs from `path` (a renamed document: its head path). */
  identityPath?: string;
}

/**
 * The identity of a finding, never its line (which any edit above it moves): the same finding before
 * and after a fix round (checked fixes), in two revisions (diff) and in two pipeline runs (GitLab's
 * fingerprint).
 */
export function findingKey(finding: FindingIdentity): string {
  return [finding.ruleId, finding.identityPath ?? finding.path, finding.clause ?? '', finding.element ?? '', finding.message].join('\0');
}
