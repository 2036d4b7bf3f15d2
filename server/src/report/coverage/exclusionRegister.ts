import type { CoverageReport, ExclusionEntry } from '../../model/coverage';
import { escape, stateBadge } from './htmlAssets';

/** A link to a document: relative to the report's folder, with the control it is about (the editor opens it there). */
export type DocumentLink = (path: string, label: string, controlId: string, excluded: boolean) => string;

/** How an exclusion stands: expired (its `until` has passed), not valid (with the reasons), or in force. */
function standing(exclusion: ExclusionEntry, today: string): { rank: number; text: string } {
  if (exclusion.until && exclusion.until < today) return { rank: 0, text: stateBadge('gap', `expired ${exclusion.until}`) };
  if (!exclusion.valid) return { rank: 1, text: `${stateBadge('partial', 'not valid')} ${escape(exclusion.problems.join('; '))}` };
  return { rank: 2, text: stateBadge('covered', 'in force', '✓') };
}

/** Every exclusion of the policy set with its justification, expiry and owner: expired ones first (the oldest first), then those not valid, then the rest in catalog order. */
export function exclusionRegister(report: CoverageReport, link: DocumentLink): string {
  const entries = report.controls.flatMap((control, order) => control.exclusions.map((exclusion) => ({ control, exclusion, order, standing: standing(exclusion, report.today) })));
  if (!entries.length) return '<p class="muted">No document excludes a control.</p>';
  entries.sort((a, b) => a.standing.rank - b.standing.rank || (a.standing.rank === 0 ? a.exclusion.until!.localeCompare(b.exclusion.until!) : 0) || a.order - b.order);
  const rows = entries.map(({ control, exclusion, standing }) => {
    const by = link(exclusion.path, exclusion.documentId ?? exclusion.path, control.id, true);
    return `<tr><td>${escape(control.id)}</td><td>${escape(control.title)}</td><td>${by}</td><td>${escape(exclusion.owner ?? '—')}</td><td>${escape(exclusion.justification ?? '—')}</td><td>${escape(exclusion.until ?? 'no expiry')}</td><td>${standing.text}</td></tr>`;
  });
  return `<table id="register"><thead><tr><th scope="col">Control</th><th scope="col">Title</th><th scope="col">Excluded by</th><th scope="col">Owner</th><th scope="col">Justification</th><th scope="col">Until</th><th scope="col">Standing</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
