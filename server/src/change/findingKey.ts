import type { ChangeFinding } from './types';

/**
 * The identity of a finding across two revisions: rule, document (its head path for a renamed one),
 * control, element and message; never its line, which any edit above it moves.
 */
export function findingKey(finding: ChangeFinding & { identityPath?: string }): string {
  return [finding.ruleId, finding.identityPath ?? finding.path, finding.clause ?? '', finding.element ?? '', finding.message].join('\0');
}
