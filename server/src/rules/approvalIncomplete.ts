import type { DocumentRule } from './types';

export const approvalIncomplete: DocumentRule = {
  id: 'approval-incomplete',
  description: 'A document marked approved does not say who approved it or from when it applies',
  severity: 'error',
  fixable: false,
  workspace: false,
  rationale:
    'An auditor asks who approved a policy and since when it applies. A document with `status: approved` needs `approved-by` and `effective`. Only you know the answers, so there is no automatic fix.',
  check({ document, summary, report }) {
    const status = document.frontmatter?.fields.get('status');
    if (!status || summary.status !== 'approved') return;
    const missing = ['approved-by', 'effective'].filter((key) => !document.frontmatter!.fields.has(key) || document.frontmatter!.fields.get(key)!.value == null);
    if (missing.length === 0) return;
    report({
      message: `status is approved but ${missing.map((key) => `"${key}"`).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing; add ${missing.map((key) => (key === 'approved-by' ? 'who approved the document' : 'the date it takes effect (YYYY-MM-DD)')).join(' and ')}`,
      range: status.valueRange,
    });
  },
};
