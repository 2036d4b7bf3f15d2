import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import { categoryRollups, STATES } from '../../workspace/coverageViews';
import type { ControlCoverage } from '../../workspace/coverage';
import type { Catalog } from '../../catalog/catalog';
import type { MapLink } from '../../catalog/types';
import { headline, notes, projectionNote, type CoverageInput } from './common';

const COLOURS = { covered: '#2e7d32', partial: '#f9a825', excluded: '#757575', gap: '#c62828' } as const;

/** Text made safe for HTML content and attribute values. */
export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Filters the table by the search box and the state selector; inline, allowed by its hash in the CSP. */
const SCRIPT = `
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
filter();
`;

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1b1b1b; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ddd; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
.heat td.n { text-align: center; font-weight: 600; color: #fff; min-width: 4rem; }
.state { display: inline-block; padding: 0 .4rem; border-radius: 3px; color: #fff; font-size: 12px; }
${STATES.map((state) => `.s-${state} { background: ${COLOURS[state]}; }`).join('\n')}
.controls { margin: .5rem 0 1rem; display: flex; gap: 1rem; align-items: center; }
details { margin: .3rem 0; } summary { cursor: pointer; }
.muted { color: #666; }
`;

/** One id of a mapping column: its title on hover, and a + with the reason when review added it. */
function mapLink(catalog: Catalog, framework: string, link: MapLink): string {
  const title = catalog.frameworkTitle(framework, link.id) ?? '';
  if (link.origin !== 'added') return `<span title="${escape(title)}">${escape(link.id)}</span>`;
  return `<span title="${escape(`${title} — added in review: ${link.reason ?? ''}`)}">${escape(link.id)}<sup>+</sup></span>`;
}

/** Under the table: what a reviewed mapping column holds, so a reader can tell reviewed links from derived ones. */
function mappingNotes(catalog: Catalog): string {
  return Object.values(catalog.frameworks)
    .filter((framework) => framework.reviewed !== undefined)
    .map((framework) => `<p class="muted">${escape(framework.short ?? framework.title)}: derived links reviewed, those a review removed left out; <sup>+</sup> marks a link added in review (hover it for the reason). ${escape(framework.reviewed!)}</p>\n`)
    .join('');
}

/** The self-contained HTML report: heat map, searchable Statement of Applicability, per-control detail. No remote resources. */
export function formatCoverageHtml(input: CoverageInput, outputDir: string): string {
  const { report, catalog } = input;
  const link = (path: string, label: string) => `<a href="${escape(relative(outputDir, path).split(sep).join('/'))}">${escape(label)}</a>`;
  const badge = (control: ControlCoverage) => `<span class="state s-${control.state}">${control.state}</span>`;
  const rollups = categoryRollups(report, catalog);
  const heat = rollups.map((category) => {
    const cells = STATES.map((state) => {
      const count = category.counts[state];
      const opacity = count === 0 ? 0.08 : 0.35 + 0.65 * (count / category.total);
      return `<td class="n" style="background: ${COLOURS[state]}; opacity: ${opacity.toFixed(2)}" title="${count} ${state}">${count}</td>`;
    });
    return `<tr><th>${escape(`${category.id} ${category.title}`)}</th>${cells.join('')}</tr>`;
  });
  // One column per framework of the catalog, so a custom catalog's mappings get their own columns.
  const frameworks = Object.keys(catalog.frameworks);
  const rows = report.controls.map((control) => {
    const catalogControl = catalog.control(control.id)!;
    const by = [
      ...control.claims.map((claim) => `${link(claim.path, claim.documentId ?? claim.path)} <span class="muted">${escape([claim.status, claim.via && `via ${claim.via.join(' + ')}`].filter(Boolean).join(', '))}</span>`),
      ...control.exclusions.map((exclusion) => `${link(exclusion.path, exclusion.documentId ?? exclusion.path)} <span class="muted">${escape(['excludes', exclusion.via && `via ${exclusion.via.join(' + ')}`].filter(Boolean).join(', '))}</span>`),
    ];
    const maps = frameworks.map((name) => `<td>${catalog.mapLinks(catalogControl, name).map((link) => mapLink(catalog, name, link)).join(', ')}</td>`);
    return `<tr data-state="${control.state}"><td><a href="#c-${control.id}">${control.id}</a></td><td>${escape(control.title)}${control.essential ? ' <span class="muted">(essential)</span>' : ''}</td><td>${control.state === 'excluded' ? 'No' : 'Yes'}</td><td>${badge(control)}</td><td>${by.join('<br>') || '—'}</td><td>${escape(notes(control))}</td>${maps.join('')}</tr>`;
  });
  const details = report.controls.map((control) => {
    const claims = control.claims.map((claim) => {
      const problems = [claim.missing.length ? `missing: ${claim.missing.join(', ')}` : '', claim.empty.length ? `empty: ${claim.empty.join(', ')}` : '', claim.overdue ? `review overdue since ${claim.reviewDue}` : ''].filter(Boolean);
      return `<li>${link(claim.path, `${claim.documentId ?? claim.path} — ${claim.title ?? ''}`)}: ${escape(claim.status ?? 'no status')}${claim.reviewDue ? `, review due ${escape(claim.reviewDue)}` : ''}${problems.length ? ` — ${escape(problems.join('; '))}` : ''}</li>`;
    });
    const exclusions = control.exclusions.map((exclusion) => `<li>excluded by ${link(exclusion.path, exclusion.documentId ?? exclusion.path)}${exclusion.owner ? ` (owner ${escape(exclusion.owner)})` : ''}: ${escape(exclusion.justification ?? 'no justification')}${exclusion.until ? ` — until ${escape(exclusion.until)}` : ''}${exclusion.valid ? '' : ` <strong>not valid: ${escape(exclusion.problems.join(', '))}</strong>`}</li>`);
    const reasons = control.reasons.map((reason) => `<li class="muted">${escape(reason)}</li>`);
    return `<details id="c-${control.id}"><summary>${control.id} ${escape(control.title)} ${badge(control)}</summary><ul>${[...claims, ...exclusions, ...reasons].join('') || '<li>No document claims or excludes it.</li>'}</ul></details>`;
  });
  const hash = createHash('sha256').update(SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; img-src data:`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Statement of Applicability — ${escape(catalog.info.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Statement of Applicability — ${escape(catalog.info.name)}</h1>
<p>Generated by Clausewise on ${escape(report.today)} from ${input.documents} policy documents. ${escape(headline(input.report.totals))}.</p>${projectionNote(report) ? `\n<p class="muted">${escape(projectionNote(report)!)}</p>` : ''}
<h2>Coverage by category</h2>
<table class="heat"><thead><tr><th>Category</th>${STATES.map((state) => `<th>${state}</th>`).join('')}</tr></thead><tbody>
${heat.join('\n')}
</tbody></table>
<h2>Controls</h2>
<div class="controls"><label>Search <input id="search" type="search" placeholder="id, title, document, reason"></label>
<label>State <select id="state"><option value="">all</option>${STATES.map((state) => `<option>${state}</option>`).join('')}</select></label>
<span><span id="shown">${report.controls.length}</span> of ${report.controls.length} shown</span></div>
<table id="soa"><thead><tr><th>Control</th><th>Title</th><th>Applicable</th><th>State</th><th>Covered by</th><th>Justification / notes</th>${frameworks.map((name) => `<th>${escape(catalog.frameworks[name]!.short ?? catalog.frameworks[name]!.title)}</th>`).join('')}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
${mappingNotes(catalog)}<h2>Control detail</h2>
${details.join('\n')}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
