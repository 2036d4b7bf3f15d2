import { randomBytes } from 'node:crypto';
import { commands, ViewColumn, window, type Disposable, type WebviewPanel } from 'vscode';

/** The "Explain Control" panel: the server's Markdown explanation, rendered by VS Code's Markdown engine, no scripts. */
export class ExplainPanel implements Disposable {
  private panel?: WebviewPanel;

  /** Shows `markdown` as the explanation of control `id`. */
  async show(id: string, markdown: string): Promise<void> {
    if (!this.panel) {
      this.panel = window.createWebviewPanel('clausewise.explainControl', '', { viewColumn: ViewColumn.Beside, preserveFocus: true }, { enableScripts: false, localResourceRoots: [] });
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    this.panel.title = `Clausewise: ${id}`;
    const nonce = randomBytes(16).toString('base64');
    const body = await render(markdown);
    this.panel.webview.html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; img-src data:">
<style nonce="${nonce}">body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.2rem 1rem; line-height: 1.5; } pre { white-space: pre-wrap; }</style>
</head><body>${body}</body></html>`;
    this.panel.reveal(undefined, true);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

async function render(markdown: string): Promise<string> {
  try {
    return await commands.executeCommand<string>('markdown.api.render', markdown);
  } catch {
    // The built-in Markdown extension is disabled: show the text as it is.
    return `<pre>${markdown.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>`;
  }
}
