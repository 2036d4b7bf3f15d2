import type { CoverageState } from '../../model/coverage';

/** Text made safe for HTML content and (double-quoted) attribute values. */
export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Each state's mark, shown with its name so the state never rests on colour alone (hidden from screen readers, which read the name). */
const STATE_MARKS: Record<CoverageState, string> = { covered: '✓', partial: '◐', excluded: '⊘', gap: '✗' };

/** A state as the page shows it: its mark and its name, in a badge outlined in the state's colour. */
export function stateBadge(state: CoverageState, text: string = state, mark = STATE_MARKS[state]): string {
  return `<span class="badge s-${state}"><span class="mark" aria-hidden="true">${mark}</span> ${escape(text)}</span>`;
}

/**
 * Every colour is a VS Code theme token with a fixed fallback: in the editor's webview the page takes
 * the theme's colours (light, dark and both high-contrast themes), in a browser the fallbacks. Text is
 * the foreground on the background; a state's colour tints a cell at most 30 % or outlines a badge, so
 * text keeps WCAG AA contrast (4.5:1). No inline style attributes: a strict CSP allows only this sheet.
 */
export const STYLE = `
body { font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: var(--vscode-font-size, 14px); line-height: 1.45; color: var(--vscode-editor-foreground, #1b1b1b); background: var(--vscode-editor-background, #ffffff); margin: 0; padding: 0 1.5rem 2rem; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.6rem; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; padding: .2rem 0; }
th, td { border: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, #d0d0d0)); padding: .25rem .5rem; text-align: left; vertical-align: top; }
.heat { width: auto; } .heat td.cell, .heat td.n { text-align: center; min-width: 4.5rem; font-weight: 600; } .heat td.cell { padding: 0; }
.s-covered { --c: var(--vscode-charts-green, #2e7d32); } .s-partial { --c: var(--vscode-charts-yellow, #c99400); } .s-excluded { --c: var(--vscode-charts-foreground, #757575); } .s-gap { --c: var(--vscode-charts-red, #c62828); }
.cell.l1 { background: color-mix(in srgb, var(--c) 8%, var(--vscode-editor-background, #ffffff)); }
.cell.l2 { background: color-mix(in srgb, var(--c) 15%, var(--vscode-editor-background, #ffffff)); }
.cell.l3 { background: color-mix(in srgb, var(--c) 22%, var(--vscode-editor-background, #ffffff)); }
.cell.l4 { background: color-mix(in srgb, var(--c) 30%, var(--vscode-editor-background, #ffffff)); }
.cell button { width: 100%; padding: .25rem .5rem; font: inherit; color: inherit; background: transparent; border: none; cursor: pointer; }
.cell button:hover { text-decoration: underline; }
button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible { outline: 2px solid var(--vscode-focusBorder, #0060c0); outline-offset: 1px; }
.badge { display: inline-block; padding: 0 .4rem; border-radius: 3px; border: 1px solid var(--c); background: color-mix(in srgb, var(--c) 15%, var(--vscode-editor-background, #ffffff)); color: var(--vscode-editor-foreground, #1b1b1b); font-weight: 600; white-space: nowrap; }
.muted { color: var(--vscode-descriptionForeground, #595959); }
button { color: var(--vscode-button-foreground, #ffffff); background: var(--vscode-button-background, #005fb8); border: 1px solid var(--vscode-button-border, transparent); padding: .25rem .7rem; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground, #004f99); }
.actions button { margin-left: .3rem; }
.filters { display: flex; gap: 1rem; align-items: center; margin-bottom: .6rem; flex-wrap: wrap; }
input, select { color: var(--vscode-input-foreground, #1b1b1b); background: var(--vscode-input-background, #ffffff); border: 1px solid var(--vscode-input-border, var(--vscode-contrastBorder, #8a8a8a)); padding: .2rem .4rem; }
a { color: var(--vscode-textLink-foreground, #0060c0); }
details { margin: .3rem 0; } summary { cursor: pointer; }
`;

/** Filtering by words, state and heat-map category; the same in a browser and in the editor's webview. */
export const SCRIPT = `
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
  } else if (event.target.closest('#clear-category')) {
    category = '';
    filter();
  }
});
filter();
`;
