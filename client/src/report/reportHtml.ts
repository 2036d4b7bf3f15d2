import { webviewCsp } from './pageShell';

/**
 * The report panel's page is the server's `clausewise coverage --format html` page (the report module
 * renders it for clausewise/coverageReport); the client only wraps it for the webview: a nonce in place
 * of the page's hashes, the export buttons, and a script that turns document links and buttons into
 * messages to the extension. The page's colours are theme tokens already (with fixed fallbacks).
 */

const EXPORT_BUTTONS = '<div class="actions">Export: <button type="button" data-export="html">HTML</button><button type="button" data-export="markdown">Markdown</button><button type="button" data-export="csv">CSV</button></div>';

/** Document links open the document at the control (at the line a register row gives), export buttons export; the page's own links to its controls scroll as usual. */
const BRIDGE = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const exporter = event.target.closest('button[data-export]');
  if (exporter) {
    vscode.postMessage({ type: 'export', format: exporter.dataset.export });
    return;
  }
  const link = event.target.closest('a[href]');
  if (!link || link.getAttribute('href').startsWith('#')) return;
  event.preventDefault();
  if (link.dataset.control) vscode.postMessage({ type: 'open', href: link.getAttribute('href'), controlId: link.dataset.control, excluded: link.dataset.excluded === 'true', ...(link.dataset.line ? { line: Number(link.dataset.line) } : {}) });
});
`;

/** The server's HTML report made a webview page: its CSP, style and script under `nonce`, with the export buttons and the bridge script. */
export function webviewHtml(page: string, nonce: string): string {
  const csp = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/;
  if (!csp.test(page) || !page.includes('</header>')) throw new Error('the server sent a coverage report page this extension cannot show (no content security policy or header): are the extension and the language server from the same version?');
  return page
    .replace(csp, `<meta http-equiv="Content-Security-Policy" content="${webviewCsp(nonce)}">`)
    .replace(/<(style|script)>/g, `<$1 nonce="${nonce}">`)
    .replace('</header>', `${EXPORT_BUTTONS}\n</header>`)
    .replace('</body>', `<script nonce="${nonce}">${BRIDGE}</script>\n</body>`);
}
