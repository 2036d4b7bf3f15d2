/** What the control page and the exclusion register share: escaping, state badges, the page around them, style and script. */

export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A badge tone: the theme's chart colour that outlines it. */
export type Tone = 'good' | 'warn' | 'bad' | 'neutral';

/** A state shown by its mark and its words, outlined in a theme colour: never by colour alone (the mark is hidden from screen readers, which read the words). */
export function badge(tone: Tone, mark: string, words: string): string {
  return `<span class="badge t-${tone}"><span aria-hidden="true">${mark}</span> ${escape(words)}</span>`;
}

/** A link that opens a document at a zero-based line, in the editor beside the page. */
export function openLink(uri: string, line: number, label: string, description: string): string {
  return `<a href="#" data-uri="${escape(uri)}" data-line="${line}" title="${escape(description)}" aria-label="${escape(description)}">${escape(label)}</a>`;
}

/** The webviews' CSP: nothing runs or styles but what carries the page's nonce; nothing is loaded from anywhere. */
export function webviewCsp(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:; font-src 'none'; connect-src 'none'; form-action 'none'; frame-src 'none'`;
}

/** A whole page: strict CSP (only this page's nonce runs), the shared style, and the script that turns links into messages. */
export function pageShell(title: string, body: string, nonce: string): string {
  const csp = webviewCsp(nonce);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style nonce="${nonce}">${STYLE}</style></head>
<body>
${body}
<script nonce="${nonce}">${SCRIPT}</script>
</body></html>`;
}

/**
 * Theme colour tokens only: text is the editor's foreground (or the description foreground) on the
 * editor's background; a tone's chart colour outlines a badge and tints it at most 15 %, so text keeps
 * WCAG AA contrast (4.5:1) in light, dark and both high-contrast themes.
 */
const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); padding: 0 1.5rem 2rem; line-height: 1.45; }
h1 { font-size: 1.4rem; margin-bottom: .2rem; } h2 { font-size: 1.1rem; margin-top: 1.6rem; } h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, currentColor)); padding: .3rem .5rem; text-align: left; vertical-align: top; }
.t-good { --c: var(--vscode-charts-green); } .t-warn { --c: var(--vscode-charts-yellow); } .t-bad { --c: var(--vscode-charts-red); } .t-neutral { --c: var(--vscode-charts-foreground); }
.badge { display: inline-block; padding: 0 .4rem; border-radius: 3px; border: 1px solid var(--c); background: color-mix(in srgb, var(--c) 15%, var(--vscode-editor-background)); color: var(--vscode-editor-foreground); font-weight: 600; white-space: nowrap; }
mark { color: var(--vscode-editor-foreground); background: color-mix(in srgb, var(--vscode-charts-yellow) 15%, var(--vscode-editor-background)); font-weight: 600; text-decoration: underline; text-underline-offset: 2px; }
.muted { color: var(--vscode-descriptionForeground); }
blockquote { margin: .2rem 0 0; padding-left: .6rem; border-left: 3px solid var(--vscode-textBlockQuote-border, var(--vscode-panel-border, currentColor)); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .3rem 0; } dl.facts dt { color: var(--vscode-descriptionForeground); } dl.facts dd { margin: 0; }
a { color: var(--vscode-textLink-foreground); }
a:focus-visible { outline: 2px solid var(--vscode-focusBorder); outline-offset: 1px; }
`;

/** Links post what to open; the extension opens it (no command URIs, no navigation). */
const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const target = event.target.closest('a[data-uri], a[data-control]');
  if (!target) return;
  event.preventDefault();
  if (target.dataset.control) vscode.postMessage({ type: 'control', id: target.dataset.control });
  else vscode.postMessage({ type: 'open', uri: target.dataset.uri, line: Number(target.dataset.line) });
});
`;
