import { isSoaDocument, soaDocuments } from '../model/statement';
import type { DocumentSummary } from '../model/summary';
import type { SummaryIndex } from '../model/summaryIndex';
import type { Rule } from './types';

/** True when the rule checks this file, as its scope says (policy documents unless it says otherwise). */
export function ruleChecks(rule: Pick<Rule, 'scope'>, summary: DocumentSummary): boolean {
  switch (rule.scope ?? 'policies') {
    case 'every-file':
      return true;
    case 'soa-documents':
      return isSoaDocument(summary);
    case 'policies':
      return summary.isPolicy;
  }
}

/** The indexed policy documents the rule checks, as its scope says, asked of the index. */
export function documentsChecked(rule: Pick<Rule, 'scope'>, index: SummaryIndex): DocumentSummary[] {
  return rule.scope === 'soa-documents' ? soaDocuments(index) : index.policies();
}
