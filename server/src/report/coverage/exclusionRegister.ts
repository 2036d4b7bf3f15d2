import type { CoverageReport, ExclusionEntry } from '../../model/coverage';
import { compareStanding, isExpired } from '../../model/exclusionProblems';
import { escape, stateBadge } from './htmlAssets';

/** A link to a document: relative to the report's folder, with the control it is about (the editor opens it there). */
export type DocumentLink = (path: string, label: string, controlId: string, excluded: boolean) => string;

/** How an exclusion stands: expired (its `until` has passed), not valid (with the reasons), or in force. */
function standing(exclusion: ExclusionEntry, expired: boolean): string {
  if (expired) return stateBadge('gap', `expired ${exclusion.until}`);
  if (!exclusion.valid) return `${stateBadge('partial', 'not valid')} ${escape(exclusion.problems.join('; '))}`;
  return stateBadge('covered', 'in force', '✓');
}

/** Every exclusion of the policy set with its justification, expiry and owner: expired ones first (the oldest first), then those not valid, then the rest in catalog order. */
export function exclusionRegister(report: CoverageReport, link: DocumentLink): string {
  const entries = report.controls.flatMap((control, order) => control.exclusions.map((exclusion) => ({ control, exclusion, order, expired: isExpired(exclusion.until, report.today), valid: exclusion.valid, until: exclusion.until })));
  if (!entries.length) return '<p class="muted">No document excludes a control.</p>';
  entries.sort((a, b) => compareStanding(a, b) || a.order - b.order);
  const rows = entries.map(({ control, exclusion, expired }) => {
    const by = link(exclusion.path, exclusion.documentId ?? exclusion.path, control.id, true);
    return `<tr><td>${escape(control.id)}</td><td>${escape(control.title)}</td><td>${by}</td><td>${escape(exclusion.owner ?? '—')}</td><td>${escape(exclusion.justification ?? '—')}</td><td>${escape(exclusion.until ?? 'no expiry')}</td><td>${standing(exclusion, expired)}</td></tr>`;
  });
  return `<table id="register"><thead><tr><th scope="col">Control</th><th scope="col">Title</th><th scope="col">Excluded by</th><th scope="col">Owner</th><th scope="col">Justification</th><th scope="col">Until</th><th scope="col">Standing</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
