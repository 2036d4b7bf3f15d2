import { basename } from 'node:path';
import type { CatalogTree, ControlCoverage, CoverageReport, CoverageState } from '../../../server/src/protocol/customMessages';
import { controlsUnder, countStates, coverageModel } from '../views/coverageModel';

const STATES: CoverageState[] = ['covered', 'partial', 'excluded', 'gap'];

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The report page: a category × state heat map and the Statement of Applicability. Strict CSP: only this page's nonce runs. */
export function reportHtml(report: CoverageReport, catalog: CatalogTree, nonce: string): string {
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:; font-src 'none'; connect-src 'none'; form-action 'none'; frame-src 'none'`;
  const { totals } = report;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Coverage — ${escape(report.catalog.name)}</title>
<style nonce="${nonce}">${STYLE}</style></head>
<body>
<header>
  <h1>Coverage — ${escape(report.catalog.name)}</h1>
  <p id="summary">${totals.covered} of ${totals.applicable} applicable controls covered (${totals.coveredPercent.toFixed(1)} %) · ${totals.partial} partial · ${totals.gap} gap · ${totals.excluded} excluded · as of ${escape(report.today)}</p>
  <div class="actions">Export:
    <button data-export="html">HTML</button><button data-export="markdown">Markdown</button><button data-export="csv">CSV</button>
  </div>
</header>
<h2>Heat map</h2>
${heatMap(report, catalog)}
<h2>Statement of Applicability</h2>
<div class="filters"><input id="search" type="search" placeholder="Filter by id, title or document" aria-label="Filter the Statement of Applicability">
<select id="state" aria-label="State"><option value="">every state</option>${STATES.map((state) => `<option value="${state}">${state}</option>`).join('')}</select>
<span><span id="shown">${report.controls.length}</span> controls shown</span></div>
${soaTable(report)}
<script nonce="${nonce}">${SCRIPT}</script>
</body></html>`;
}

function heatMap(report: CoverageReport, catalog: CatalogTree): string {
  const model = coverageModel(catalog, report);
  const rows = catalog.categories.map((category) => {
    const controls = controlsUnder(model, category);
    const counts = countStates(controls);
    const cells = STATES.map((state) => {
      const share = controls.length ? counts[state] / controls.length : 0;
      const level = counts[state] === 0 ? 0 : Math.min(4, 1 + Math.floor(share * 4));
      return `<td class="cell s-${state} l${level}" title="${counts[state]} ${state} in ${escape(category.id)}">${counts[state]}</td>`;
    });
    return `<tr><th scope="row">${escape(`${category.id} ${category.title}`)}</th>${cells.join('')}<td class="n">${controls.length}</td></tr>`;
  });
  return `<table id="heat" class="heat"><thead><tr><th>Category</th>${STATES.map((state) => `<th>${state}</th>`).join('')}<th>controls</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function soaTable(report: CoverageReport): string {
  const rows = report.controls.map((control) => {
    const by = [
      ...control.claims.map((claim) => link(claim.path, control.id, false, claim.documentId ?? basename(claim.path), claim.status ?? '')),
      ...control.exclusions.map((exclusion) => link(exclusion.path, control.id, true, exclusion.documentId ?? basename(exclusion.path), 'excludes')),
    ];
    return `<tr data-state="${control.state}"><td>${escape(control.id)}</td><td>${escape(control.title)}${control.essential ? ' <span class="muted">(essential)</span>' : ''}</td><td>${control.state === 'excluded' ? 'No' : 'Yes'}</td><td><span class="badge s-${control.state}">${control.state}</span></td><td>${by.join('<br>') || '—'}</td><td>${escape(notes(control))}</td></tr>`;
  });
  return `<table id="soa"><thead><tr><th>Control</th><th>Title</th><th>Applicable</th><th>State</th><th>Covered by</th><th>Justification / reasons</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function link(path: string, controlId: string, excluded: boolean, label: string, note: string): string {
  return `<a href="#" data-path="${escape(path)}" data-control="${escape(controlId)}" data-excluded="${excluded}">${escape(label)}</a> <span class="muted">${escape(note)}</span>`;
}

function notes(control: ControlCoverage): string {
  if (control.state === 'excluded') {
    const exclusion = control.exclusions.find((entry) => entry.valid);
    return `${exclusion?.justification ?? ''}${exclusion?.until ? ` (until ${exclusion.until})` : ''}`;
  }
  return control.reasons.join('; ');
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 1.5rem 2rem; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.6rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: .25rem .5rem; text-align: left; vertical-align: top; }
.heat { width: auto; } .heat td.cell, .heat td.n { text-align: center; min-width: 4.5rem; font-weight: 600; }
.s-covered { --c: 46, 160, 67; } .s-partial { --c: 210, 153, 34; } .s-excluded { --c: 128, 128, 128; } .s-gap { --c: 218, 54, 51; }
.cell.l0 { background: transparent; color: var(--vscode-disabledForeground); }
.cell.l1 { background: rgba(var(--c), .25); } .cell.l2 { background: rgba(var(--c), .45); }
.cell.l3 { background: rgba(var(--c), .7); } .cell.l4 { background: rgba(var(--c), .95); color: #fff; }
.badge { display: inline-block; padding: 0 .4rem; border-radius: 3px; background: rgba(var(--c), .9); color: #fff; }
.muted { color: var(--vscode-descriptionForeground); }
.actions button { margin-left: .3rem; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: .25rem .7rem; cursor: pointer; }
.actions button:hover { background: var(--vscode-button-hoverBackground); }
.filters { display: flex; gap: 1rem; align-items: center; margin-bottom: .6rem; }
input, select { color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, transparent); padding: .2rem .4rem; }
a { color: var(--vscode-textLink-foreground); }
`;

/** Filtering, document links and export buttons; everything else is the extension's job (postMessage). */
const SCRIPT = `
const vscode = acquireVsCodeApi();
const search = document.getElementById('search');
const state = document.getElementById('state');
function filter() {
  const words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
  let shown = 0;
  for (const row of document.querySelectorAll('#soa tbody tr')) {
    const text = row.textContent.toLowerCase();
    const visible = words.every((word) => text.includes(word)) && (state.value === '' || row.dataset.state === state.value);
    row.hidden = !visible;
    if (visible) shown++;
  }
  document.getElementById('shown').textContent = String(shown);
}
search.addEventListener('input', filter);
state.addEventListener('change', filter);
document.addEventListener('click', (event) => {
  const target = event.target.closest('a[data-path], button[data-export]');
  if (!target) return;
  event.preventDefault();
  if (target.dataset.export) vscode.postMessage({ type: 'export', format: target.dataset.export });
  else vscode.postMessage({ type: 'open', path: target.dataset.path, controlId: target.dataset.control, excluded: target.dataset.excluded === 'true' });
});
`;
