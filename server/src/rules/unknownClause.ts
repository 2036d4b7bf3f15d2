import { compareClauseIds, normalizeClauseId } from '../catalog/clauseId';
import type { Exclusion, Located } from '../document/types';
import { readThrough, type LeftInScope } from '../model/writtenExclusions';
import { fix, replaceClauseId, replaceScalar } from './edits';
import type { DocumentRule, DocumentRuleContext } from './types';

export const unknownClause: DocumentRule = {
  id: 'unknown-clause',
  description: 'A clause id in clauses, excludes or the body is not a control of the catalog',
  severity: 'error',
  fixable: true,
  workspace: false,
  rationale:
    'Documents claim and exclude controls (9.4.2 under ISO 27799:2016, 5.15 under ISO/IEC 27002:2022). An id that is not in the catalog is usually a typo; the finding lists the nearest controls, by number and by title. An objective or category (9.4, 9) is too broad to claim: name its controls. When exactly one control has the same digits (9.42 → 9.4.2) the fix replaces it automatically; otherwise each suggestion is offered as a quick fix. Under ISO/IEC 27002:2022 an ISO/IEC 27002:2013 id is named with the control it became (a quick fix writes it, never automatically); in `excludes`, when the document excludes only some of that control\'s 2013 predecessors, the finding also says the control stays in scope and what to exclude, as the exclusion register does.',
  check(context) {
    const { summary } = context;
    for (const claim of summary.clauses) checkId(context, claim, 'clauses');
    for (const exclusion of summary.exclusions) if (exclusion.clause) checkId(context, exclusion.clause, 'excludes', leftInScope(context, exclusion));
    for (const mention of summary.mentions) {
      // A bare "§4.2" that is no clause is most likely a cross-reference to the document's own sections.
      if (!context.catalog.lookup(mention.id) && /27799|27002/.test(mention.text)) {
        const suggestions = context.catalog.nearest(mention.id, 3);
        context.report({
          message: `"${mention.text}" cites ${mention.id}, which is not a clause of ${context.catalog.info.name}${suggestions.length ? `; did you mean ${suggestions.map((s) => `${s.id} ${s.title}`).join(', ')}?` : ''}`,
          range: mention.range,
          clause: mention.id,
        });
      }
    }
  },
};

/**
 * Under ISO/IEC 27002:2022, what an exclusion of an earlier-edition id leaves in scope, as coverage and
 * the exclusion registers read it, and what to do ('' when it leaves nothing).
 */
function leftInScope({ summary, catalog, config, today }: DocumentRuleContext, exclusion: Exclusion): string {
  const written = exclusion.clause!.source;
  // A control of the catalog (the common case) is read as itself: nothing to read through.
  if (catalog.control(written)) return '';
  const { leaves } = readThrough(summary, exclusion, catalog.successors(written), config, today);
  const todo = (left: LeftInScope) =>
    left.kind === 'missing' ? `also exclude ${left.ids.join(' and ')}, or exclude ${left.control.id} under its ${catalog.info.name} id` : left.kind === 'invalid' ? `make the exclusion of ${left.ids.join(' and ')} valid too` : 'keep the claim or the exclusion, not both';
  return leaves.map((left) => `; read so, ${left.text}: ${todo(left)}`).join('');
}

function checkId({ catalog, document, report }: DocumentRuleContext, located: Located, key: string, note = ''): void {
  const clause = catalog.lookup(located.source);
  if (clause?.kind === 'control') return;
  if (clause) {
    const controls = catalog.controlsUnder(clause.id).map((control) => control.id).sort(compareClauseIds);
    report({
      message: `${clause.id} is ${clause.kind === 'objective' ? 'an objective' : 'a category'} (${clause.title}), not a control; list the controls this document addresses instead (${controls[0]}–${controls.at(-1)})`,
      range: located.range,
      clause: clause.id,
    });
    return;
  }
  // An id of the earlier edition (9.4.2 under ISO/IEC 27002:2022): say what it became rather than guess by digits.
  const successors = catalog.successors(located.source);
  if (successors.length > 0) {
    report({
      message: `${key} names "${located.source}", an ISO/IEC 27002:2013 id; in ${catalog.info.name} it is ${successors.map((s) => `${s.id} ${s.title}`).join(' and ')} (clausewise migrate --to ${catalog.info.id} rewrites a whole set)${note}`,
      range: located.range,
      clause: located.source,
      // Not automatic: two old ids may become one new id, which the list may already hold.
      fixes: successors.map((successor) => fix(`Change to ${successor.id} ${successor.title}`, [replaceClauseId(document, located.range, successor.id)], false)),
    });
    return;
  }
  const suggestions = catalog.nearest(located.source, 3).filter((candidate) => candidate.kind === 'control');
  const digits = located.source.replace(/\D/g, '');
  const exact = suggestions.filter((candidate) => candidate.id.replace(/\D/g, '') === digits);
  const valid = normalizeClauseId(located.source) !== undefined || /^[\d.,\s§A]+$/.test(located.source);
  report({
    message: `${key} names "${located.source}", which is not a control of ${catalog.info.name}${suggestions.length ? `; did you mean ${suggestions.map((s) => `${s.id} ${s.title}`).join(', ')}?` : valid ? '' : '; write a control id such as 9.4.2'}`,
    range: located.range,
    clause: located.source,
    fixes: suggestions.map((candidate) => fix(`Change to ${candidate.id} ${candidate.title}`, [replaceScalar(document, located.range, candidate.id)], exact.length === 1 && exact[0] === candidate)),
  });
}
