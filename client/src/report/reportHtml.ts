import { basename } from 'node:path';
import type { CatalogTree, ControlCoverage, CoverageExclusion, CoverageReport, CoverageState } from '../../../server/src/protocol/customMessages';
import { controlsUnder, countStates, coverageModel } from '../views/coverageModel';

const STATES: CoverageState[] = ['covered', 'partial', 'excluded', 'gap'];

/** Each state's mark, shown with its name so the state never rests on colour alone (hidden from screen readers, which read the name). */
const STATE_MARKS: Record<CoverageState, string> = { covered: '✓', partial: '◐', excluded: '⊘', gap: '✗' };

/** A state as the page shows it: its mark and its name, in a badge outlined in the state's theme colour. */
function stateBadge(state: CoverageState): string {
  return `<span class="badge s-${state}"><span class="mark" aria-hidden="true">${STATE_MARKS[state]}</span> ${state}</span>`;
}

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
<span id="category-filter" hidden>category <span id="category"></span> <button type="button" id="clear-category">show every category</button></span>
<span role="status"><span id="shown">${report.controls.length}</span> controls shown</span></div>
${soaTable(report)}
<h2 id="exclusions">Exclusion register</h2>
${exclusionRegister(report)}
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
      // A button: it lists those controls below, from the keyboard too; its label is plain words for screen readers.
      const label = `${counts[state]} ${counts[state] === 1 ? 'control' : 'controls'} ${state} in ${category.id} ${category.title}: show ${counts[state] === 1 ? 'it' : 'them'} in the Statement of Applicability`;
      return `<td class="cell s-${state} l${level}"><button type="button" data-category="${escape(category.id)}" data-state="${state}" aria-label="${escape(label)}" title="${escape(label)}">${counts[state]}</button></td>`;
    });
    return `<tr><th scope="row">${escape(`${category.id} ${category.title}`)}</th>${cells.join('')}<td class="n">${controls.length}</td></tr>`;
  });
  return `<table id="heat" class="heat"><caption class="muted">Controls per category and state; a number lists those controls below.</caption><thead><tr><th scope="col">Category</th>${STATES.map((state) => `<th scope="col">${stateBadge(state)}</th>`).join('')}<th scope="col">controls</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function soaTable(report: CoverageReport): string {
  const rows = report.controls.map((control) => {
    const by = [
      ...control.claims.map((claim) => link(claim.path, control.id, false, claim.documentId ?? basename(claim.path), claim.status ?? '')),
      ...control.exclusions.map((exclusion) => link(exclusion.path, control.id, true, exclusion.documentId ?? basename(exclusion.path), 'excludes')),
    ];
    return `<tr data-state="${control.state}" data-category="${escape(control.categoryId)}"><td>${escape(control.id)}</td><td>${escape(control.title)}${control.essential ? ' <span class="muted">(essential)</span>' : ''}</td><td>${control.state === 'excluded' ? 'No' : 'Yes'}</td><td>${stateBadge(control.state)}</td><td>${by.join('<br>') || '—'}</td><td>${escape(notes(control))}</td></tr>`;
  });
  return `<table id="soa"><thead><tr><th scope="col">Control</th><th scope="col">Title</th><th scope="col">Applicable</th><th scope="col">State</th><th scope="col">Covered by</th><th scope="col">Justification / reasons</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** How an exclusion stands: expired (its `until` has passed), not valid (with the reasons), or in force. */
function exclusionStanding(exclusion: CoverageExclusion, today: string): { rank: number; text: string } {
  if (exclusion.until && exclusion.until < today) return { rank: 0, text: `<span class="badge s-gap"><span class="mark" aria-hidden="true">✗</span> expired ${escape(exclusion.until)}</span>` };
  if (!exclusion.valid) return { rank: 1, text: `<span class="badge s-partial"><span class="mark" aria-hidden="true">◐</span> not valid</span> ${escape(exclusion.problems.join('; '))}` };
  return { rank: 2, text: `<span class="badge s-covered"><span class="mark" aria-hidden="true">✓</span> in force</span>` };
}

/** Every exclusion of the policy set with its justification, expiry and owner: expired ones first (the oldest first), then those not valid, then the rest in catalog order. */
function exclusionRegister(report: CoverageReport): string {
  const entries = report.controls.flatMap((control, order) => control.exclusions.map((exclusion) => ({ control, exclusion, order, standing: exclusionStanding(exclusion, report.today) })));
  if (!entries.length) return '<p class="muted">No document excludes a control.</p>';
  entries.sort((a, b) => a.standing.rank - b.standing.rank || (a.standing.rank === 0 ? a.exclusion.until!.localeCompare(b.exclusion.until!) : 0) || a.order - b.order);
  const rows = entries.map(({ control, exclusion, standing }) => {
    const by = link(exclusion.path, control.id, true, exclusion.documentId ?? basename(exclusion.path), '');
    return `<tr><td>${escape(control.id)}</td><td>${escape(control.title)}</td><td>${by}</td><td>${escape(exclusion.owner ?? '—')}</td><td>${escape(exclusion.justification ?? '—')}</td><td>${escape(exclusion.until ?? 'no expiry')}</td><td>${standing.text}</td></tr>`;
  });
  return `<table id="register"><thead><tr><th scope="col">Control</th><th scope="col">Title</th><th scope="col">Excluded by</th><th scope="col">Owner</th><th scope="col">Justification</th><th scope="col">Until</th><th scope="col">Standing</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
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

/**
 * Only the theme's colour tokens: text is the editor's foreground on the editor's background, and
 * a state's colour (the theme's chart colours) tints a cell at most 30 % or outlines a badge, so
 * text keeps WCAG AA contrast (4.5:1) in light, dark and both high-contrast themes.
 */
const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); padding: 0 1.5rem 2rem; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.6rem; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; padding: .2rem 0; }
th, td { border: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, currentColor)); padding: .25rem .5rem; text-align: left; vertical-align: top; }
.heat { width: auto; } .heat td.cell, .heat td.n { text-align: center; min-width: 4.5rem; font-weight: 600; } .heat td.cell { padding: 0; }
.s-covered { --c: var(--vscode-charts-green); } .s-partial { --c: var(--vscode-charts-yellow); } .s-excluded { --c: var(--vscode-charts-foreground); } .s-gap { --c: var(--vscode-charts-red); }
.cell.l1 { background: color-mix(in srgb, var(--c) 8%, var(--vscode-editor-background)); }
.cell.l2 { background: color-mix(in srgb, var(--c) 15%, var(--vscode-editor-background)); }
.cell.l3 { background: color-mix(in srgb, var(--c) 22%, var(--vscode-editor-background)); }
.cell.l4 { background: color-mix(in srgb, var(--c) 30%, var(--vscode-editor-background)); }
.cell button { width: 100%; padding: .25rem .5rem; font: inherit; color: inherit; background: transparent; border: none; cursor: pointer; }
.cell button:hover { text-decoration: underline; }
button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid var(--vscode-focusBorder); outline-offset: 1px; }
.badge { display: inline-block; padding: 0 .4rem; border-radius: 3px; border: 1px solid var(--c); background: color-mix(in srgb, var(--c) 15%, var(--vscode-editor-background)); color: var(--vscode-editor-foreground); font-weight: 600; white-space: nowrap; }
.muted { color: var(--vscode-descriptionForeground); }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); padding: .25rem .7rem; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
.actions button { margin-left: .3rem; }
.filters { display: flex; gap: 1rem; align-items: center; margin-bottom: .6rem; flex-wrap: wrap; }
input, select { color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, var(--vscode-contrastBorder, transparent)); padding: .2rem .4rem; }
a { color: var(--vscode-textLink-foreground); }
`;

/** Filtering, document links and export buttons; everything else is the extension's job (postMessage). */
const SCRIPT = `
const vscode = acquireVsCodeApi();
const search = document.getElementById('search');
const state = document.getElementById('state');
let category = '';
function filter() {
  const words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
  let shown = 0;
  for (const row of document.querySelectorAll('#soa tbody tr')) {
    const text = row.textContent.toLowerCase();
    const visible = words.every((word) => text.includes(word)) && (state.value === '' || row.dataset.state === state.value) && (category === '' || row.dataset.category === category);
    row.hidden = !visible;
    if (visible) shown++;
  }
  document.getElementById('shown').textContent = String(shown);
  document.getElementById('category-filter').hidden = category === '';
  document.getElementById('category').textContent = category;
}
search.addEventListener('input', filter);
state.addEventListener('change', filter);
document.addEventListener('click', (event) => {
  const cell = event.target.closest('#heat button[data-category]');
  if (cell) {
    category = cell.dataset.category;
    state.value = cell.dataset.state;
    search.value = '';
    filter();
    document.getElementById('soa').scrollIntoView();
    return;
  }
  if (event.target.closest('#clear-category')) {
    category = '';
    filter();
    return;
  }
  const target = event.target.closest('a[data-path], button[data-export]');
  if (!target) return;
  event.preventDefault();
  if (target.dataset.export) vscode.postMessage({ type: 'export', format: target.dataset.export });
  else vscode.postMessage({ type: 'open', path: target.dataset.path, controlId: target.dataset.control, excluded: target.dataset.excluded === 'true' });
});
`;
