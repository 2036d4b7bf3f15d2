import type { DocumentSummary } from '../model/summary';
import type { Rule } from './types';

/** True when the rule checks this file, as its scope says (policy documents unless it says otherwise). */
export function ruleChecks(rule: Pick<Rule, 'scope'>, summary: DocumentSummary): boolean {
  switch (rule.scope ?? 'policies') {
    case 'every-file':
      return true;
    case 'soa-documents':
      return summary.isPolicy && summary.type === 'soa';
    case 'policies':
      return summary.isPolicy;
  }
}
