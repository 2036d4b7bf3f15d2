import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import { categoryRollups, STATES, type CategoryRollup } from '../../model/coverageViews';
import type { ControlCoverage } from '../../model/coverage';
import type { Catalog } from '../../catalog/catalog';
import type { MapLink } from '../../catalog/types';
import { headline, notes, projectionNote, type CoverageInput } from './common';
import { exclusionRegister, type DocumentLink } from './exclusionRegister';
import { escape, SCRIPT, stateBadge, STYLE } from './htmlAssets';

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

/** A category's row of the heat map: each count a button that lists those controls in the table below, with a plain-words label. */
function heatRow(category: CategoryRollup): string {
  const cells = STATES.map((state) => {
    const count = category.counts[state];
    const share = category.total ? count / category.total : 0;
    const level = count === 0 ? 0 : Math.min(4, 1 + Math.floor(share * 4));
    const label = `${count} ${count === 1 ? 'control' : 'controls'} ${state} in ${category.id} ${category.title}: show ${count === 1 ? 'it' : 'them'} in the Statement of Applicability`;
    return `<td class="cell s-${state} l${level}"><button type="button" data-category="${escape(category.id)}" data-state="${state}" aria-label="${escape(label)}" title="${escape(label)}">${count}</button></td>`;
  });
  return `<tr><th scope="row">${escape(`${category.id} ${category.title}`)}</th>${cells.join('')}<td class="n">${category.total}</td></tr>`;
}

/** A claim's or exclusion's notes after its link: the status (or "excludes") and the 2013 ids it came through. */
function entryNote(first: string | undefined, via: string[] | undefined): string {
  return escape([first, via && `via ${via.join(' + ')}`].filter(Boolean).join(', '));
}

function detail(control: ControlCoverage, link: DocumentLink): string {
  const claims = control.claims.map((claim) => {
    const problems = [claim.missing.length ? `missing: ${claim.missing.join(', ')}` : '', claim.empty.length ? `empty: ${claim.empty.join(', ')}` : '', claim.overdue ? `review overdue since ${claim.reviewDue}` : ''].filter(Boolean);
    return `<li>${link(claim.path, `${claim.documentId ?? claim.path} — ${claim.title ?? ''}`, control.id, false)}: ${escape(claim.status ?? 'no status')}${claim.reviewDue ? `, review due ${escape(claim.reviewDue)}` : ''}${problems.length ? ` — ${escape(problems.join('; '))}` : ''}</li>`;
  });
  const exclusions = control.exclusions.map((exclusion) => `<li>excluded by ${link(exclusion.path, exclusion.documentId ?? exclusion.path, control.id, true)}${exclusion.owner ? ` (owner ${escape(exclusion.owner)})` : ''}: ${escape(exclusion.justification ?? 'no justification')}${exclusion.until ? ` — until ${escape(exclusion.until)}` : ''}${exclusion.valid ? '' : ` <strong>not valid: ${escape(exclusion.problems.join(', '))}</strong>`}</li>`);
  const reasons = control.reasons.map((reason) => `<li class="muted">${escape(reason)}</li>`);
  return `<details id="c-${escape(control.id)}"><summary>${escape(control.id)} ${escape(control.title)} ${stateBadge(control.state)}</summary><ul>${[...claims, ...exclusions, ...reasons].join('') || '<li>No document claims or excludes it.</li>'}</ul></details>`;
}

/**
 * The self-contained HTML report: heat map, filterable table of controls with the catalog's mapping
 * columns, exclusion register, per-control detail. No remote resources; the style and the script are
 * allowed by their hashes. The editor's report panel shows this same page (it swaps the hashes for a nonce).
 */
export function formatCoverageHtml(input: CoverageInput, outputDir: string): string {
  const { report, catalog } = input;
  const link: DocumentLink = (path, label, controlId, excluded, line) =>
    `<a href="${escape(relative(outputDir, path).split(sep).join('/'))}" data-control="${escape(controlId)}" data-excluded="${excluded}"${line === undefined ? '' : ` data-line="${line}"`}>${escape(label)}</a>`;
  // One column per framework of the catalog, so a custom catalog's mappings get their own columns.
  const frameworks = Object.keys(catalog.frameworks);
  const rows = report.controls.map((control) => {
    const catalogControl = catalog.control(control.id)!;
    const by = [
      ...control.claims.map((claim) => `${link(claim.path, claim.documentId ?? claim.path, control.id, false)} <span class="muted">${entryNote(claim.status, claim.via)}</span>`),
      ...control.exclusions.map((exclusion) => `${link(exclusion.path, exclusion.documentId ?? exclusion.path, control.id, true)} <span class="muted">${entryNote('excludes', exclusion.via)}</span>`),
    ];
    const maps = frameworks.map((name) => `<td>${catalog.mapLinks(catalogControl, name).map((link) => mapLink(catalog, name, link)).join(', ')}</td>`);
    return `<tr data-state="${control.state}" data-category="${escape(control.categoryId)}"><td><a href="#c-${escape(control.id)}">${escape(control.id)}</a></td><td>${escape(control.title)}${control.essential ? ' <span class="muted">(essential)</span>' : ''}</td><td>${control.state === 'excluded' ? 'No' : 'Yes'}</td><td>${stateBadge(control.state)}</td><td>${by.join('<br>') || '—'}</td><td>${escape(notes(control))}</td>${maps.join('')}</tr>`;
  });
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const csp = `default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}; img-src data:`;
  const projection = projectionNote(report);
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
<header>
<h1>Statement of Applicability — ${escape(catalog.info.name)}</h1>
<p id="summary">Generated by Clausewise on ${escape(report.today)} from ${input.documents} policy documents. ${escape(headline(report.totals))}.</p>${projection ? `\n<p class="muted">${escape(projection)}</p>` : ''}
</header>
<h2>Coverage by category</h2>
<table id="heat" class="heat"><caption class="muted">Controls per category and state; a number lists those controls below.</caption><thead><tr><th scope="col">Category</th>${STATES.map((state) => `<th scope="col">${stateBadge(state)}</th>`).join('')}<th scope="col">controls</th></tr></thead><tbody>
${categoryRollups(report, catalog).map(heatRow).join('\n')}
</tbody></table>
<h2>Controls</h2>
<div class="filters"><label>Search <input id="search" type="search" placeholder="id, title, document, reason"></label>
<label>State <select id="state"><option value="">all</option>${STATES.map((state) => `<option>${state}</option>`).join('')}</select></label>
<span id="category-filter" hidden>category <span id="category"></span> <button type="button" id="clear-category">show every category</button></span>
<span role="status"><span id="shown">${report.controls.length}</span> of ${report.controls.length} shown</span></div>
<table id="soa"><thead><tr><th scope="col">Control</th><th scope="col">Title</th><th scope="col">Applicable</th><th scope="col">State</th><th scope="col">Covered by</th><th scope="col">Justification / notes</th>${frameworks.map((name) => `<th scope="col">${escape(catalog.frameworks[name]!.short ?? catalog.frameworks[name]!.title)}</th>`).join('')}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
${mappingNotes(catalog)}<h2 id="exclusions">Exclusion register</h2>
${exclusionRegister(input.register, catalog, link)}
<h2>Control detail</h2>
${report.controls.map((control) => detail(control, link)).join('\n')}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
