import { normalizeClauseId } from '../catalog/clauseId';
import { isSoaDocument } from '../model/statement';
import { addToListEdit } from './clauseListEdit';
import type { DocumentRule } from './types';

export const untaggedMention: DocumentRule = {
  id: 'untagged-mention',
  description: 'The body cites a control that the frontmatter neither claims nor excludes',
  severity: 'warning',
  fixable: true,
  workspace: false,
  rationale:
    'When the text says "see ISO 27799 12.4.1", readers and the coverage report expect the document to address that control. Either claim it in `clauses` (the quick fix adds it; claiming a control is the author’s decision, so `check --fix` and fix-all never apply it) or reword the reference. Objectives and categories cited in prose are not flagged, nor is anything the Statement of Applicability (`type: soa`) cites.',
  check({ document, summary, catalog, report }) {
    // The Statement of Applicability speaks about every control and claims none.
    if (isSoaDocument(summary)) return;
    const listed = new Set([
      ...summary.clauses.map((claim) => normalizeClauseId(claim.source)),
      ...summary.exclusions.map((exclusion) => exclusion.clause && normalizeClauseId(exclusion.clause.source)),
    ]);
    const reported = new Set<string>();
    for (const mention of summary.mentions) {
      const control = catalog.control(mention.id);
      // One finding per control (its first mention): one fix adds it once.
      if (!control || listed.has(control.id) || reported.has(control.id)) continue;
      reported.add(control.id);
      const edit = addToListEdit(document, 'clauses', [control.id]);
      report({
        message: `the text cites ${control.id} ${control.title}, but the frontmatter does not claim it; add ${control.id} to clauses or drop the reference`,
        range: mention.range,
        clause: control.id,
        // Claiming a control is the author's decision: offered, never applied by --fix or fix-all.
        fixes: edit ? [{ title: `Add ${control.id} to clauses`, edits: [edit], automatic: false, claims: [control.id] }] : [],
      });
    }
  },
};
