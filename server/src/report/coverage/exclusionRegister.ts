import type { Catalog } from '../../catalog/catalog';
import { normalizeClauseId } from '../../catalog/clauseId';
import type { RegisterEntry } from '../../model/exclusionRegister';
import { escape, stateBadge } from './htmlAssets';

/**
 * A link to a document: relative to the report's folder, with the control it is about and, when the
 * report knows it, the 0-based line of the entry (the editor opens it there).
 */
export type DocumentLink = (path: string, label: string, controlId: string, excluded: boolean, line?: number) => string;

/** How an exclusion stands: expired (its `until` has passed), not valid (with the reasons), partial (it leaves a control it is read as in scope), or in force. */
function standing(entry: RegisterEntry): string {
  if (entry.expired) return stateBadge('gap', `expired ${entry.exclusion.until!.value}`);
  if (entry.problems.length) return `${stateBadge('partial', 'not valid')} ${escape(entry.problems.join('; '))}`;
  if (!entry.valid) return stateBadge('partial', 'partial');
  return stateBadge('covered', 'in force', '✓');
}

/** The id as written, with the title of the control it names (an earlier-edition id: its title in that edition; none for an id no catalog knows). */
function written(entry: RegisterEntry, catalog: Catalog): string {
  const earlier = entry.readAs.length ? catalog.frameworkTitle('iso27002_2013', normalizeClauseId(entry.written) ?? entry.written) : undefined;
  return `<td>${escape(entry.written || '—')}</td><td>${escape(entry.own?.title ?? (earlier ? `${earlier} (2013)` : '—'))}</td>`;
}

/**
 * Every `excludes` entry of the policy set as written, one row each, with what it does to coverage,
 * its justification, expiry and owner: expired ones first (the oldest first), then those not valid,
 * then the rest in catalog order — the same list, verdicts and order as the editor's register.
 */
export function exclusionRegister(register: RegisterEntry[], catalog: Catalog, link: DocumentLink): string {
  if (!register.length) return '<p class="muted">No document excludes a control.</p>';
  const rows = register.map((entry) => {
    // The entry's own line, with the id as written there: an id no catalog knows has no control page to find the line on.
    const by = link(entry.summary.path, entry.summary.id?.value ?? entry.summary.path, entry.own?.id ?? entry.written, true, entry.exclusion.line);
    const { justification, until } = entry.exclusion;
    return `<tr>${written(entry, catalog)}<td>${escape(entry.effect)}</td><td>${by}</td><td>${escape(entry.summary.owner ?? '—')}</td><td>${escape(justification?.value ?? '—')}</td><td>${escape(until?.value ?? 'no expiry')}</td><td>${standing(entry)}</td></tr>`;
  });
  return `<table id="register"><thead><tr><th scope="col">Excludes</th><th scope="col">Title</th><th scope="col">Effect</th><th scope="col">Excluded by</th><th scope="col">Owner</th><th scope="col">Justification</th><th scope="col">Until</th><th scope="col">Standing</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
