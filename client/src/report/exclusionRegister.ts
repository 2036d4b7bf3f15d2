import type { ExclusionRegister, ExclusionRegisterEntry, WrittenExclusion } from '../../../server/src/protocol/controlMessages';
import { badge, escape, openLink, pageShell } from './pageShell';

/** The exclusion register: every exclusion of the policy set as the server orders it (expired first), each linking to where it is written. */
export function exclusionRegisterHtml(register: ExclusionRegister, nonce: string): string {
  const expired = register.entries.filter((entry) => entry.expired).length;
  const invalid = register.entries.filter((entry) => !entry.expired && !entry.valid).length;
  const summary = register.entries.length
    ? `${register.entries.length} ${register.entries.length === 1 ? 'exclusion' : 'exclusions'} · ${expired} expired · ${invalid} not valid · ${register.entries.length - expired - invalid} in force · as of ${register.today}`
    : `No document of this policy set excludes a control (as of ${register.today}).`;
  const body = `<header><h1>Exclusion register — ${escape(register.catalog.name)}</h1><p id="summary">${escape(summary)}</p></header>
${register.entries.length ? table(register.entries) : ''}`;
  return pageShell(`Exclusion register — ${register.catalog.name}`, body, nonce);
}

function table(entries: ExclusionRegisterEntry[]): string {
  const rows = entries.map((entry) => {
    const control = entry.controlTitle
      ? `${controlLink(entry.controlId, entry.controlTitle)} ${escape(entry.controlTitle)}`
      : `${escape(entry.controlId)}${entry.readAs ? ` <span class="muted">read as</span> ${entry.readAs.map((successor) => `${controlLink(successor.id, successor.title)} ${escape(successor.title)}`).join('; ')}` : ''}`;
    const place = openLink(entry.uri, entry.line, `${entry.documentId ?? entry.path}, line ${entry.line + 1}`, `Open ${entry.path} at the exclusion of ${entry.controlId}, line ${entry.line + 1}`);
    const problems = entry.problems.length ? ` ${escape(entry.problems.join('; '))}` : '';
    return `<tr data-standing="${entry.expired ? 'expired' : entry.valid ? 'in-force' : 'not-valid'}"><td>${control}</td><td>${escape(entry.effect)}</td><td>${escape(entry.justification ?? '—')}</td><td>${escape(entry.until ?? 'no expiry')}</td><td>${escape(entry.owner ?? '—')}</td><td>${place}<br><span class="muted">${escape(entry.path)}</span></td><td>${standingBadge(entry)}${problems}</td></tr>`;
  });
  return `<table id="register"><thead><tr><th scope="col">Control</th><th scope="col">Effect</th><th scope="col">Justification</th><th scope="col">Until</th><th scope="col">Owner</th><th scope="col">Written in</th><th scope="col">Standing</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** How an exclusion stands, by mark and words: expired, not valid, partial (it leaves a control it is read as in scope: its effect says which), or in force. */
export function standingBadge(exclusion: WrittenExclusion): string {
  if (exclusion.expired) return badge('bad', '✗', `expired ${exclusion.until}`);
  if (exclusion.valid) return badge('good', '✓', 'in force');
  return badge('warn', '◐', exclusion.problems.length ? 'not valid' : 'partial');
}

/** A link that opens a control's page. */
function controlLink(id: string, title: string): string {
  return `<a href="#" data-control="${escape(id)}" aria-label="${escape(`Show the control page of ${id} ${title}`)}">${escape(id)}</a>`;
}
