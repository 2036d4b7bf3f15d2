import { randomBytes } from 'node:crypto';
import { commands, Position, Range, Uri, ViewColumn, window, type WebviewPanel } from 'vscode';
import { SHOW_CONTROL_COMMAND } from '../../../server/src/protocol/controlMessages';
import type { Ctx } from '../ctx';
import { LivePanel } from './livePanel';

/** Messages the control page and the register post: open a document at a line, or show a control's page. */
type PageMessage = { type: 'open'; uri: string; line: number } | { type: 'control'; id: string };

/** What a page shows: fetched from the server, then rendered with a fresh nonce. */
export interface PageContent<T> {
  fetch(ctx: Ctx): Promise<T>;
  title(data: T): string;
  html(data: T, nonce: string): string;
}

/** One webview panel (one at a time per kind) that shows a page from the server and renders it again when coverage changes while it is open. */
export class PagePanel<T> extends LivePanel<PageMessage> {
  private content?: PageContent<T>;

  constructor(ctx: Ctx, viewType: string, name: string) {
    super(ctx, viewType, name, { viewColumn: ViewColumn.Active, preserveFocus: true });
  }

  /** Opens (or reveals) the panel with `content`; returns the data it shows. A failed request opens nothing. */
  async show(content: PageContent<T>): Promise<T> {
    const data = await content.fetch(this.ctx);
    this.content = content;
    this.paint(this.revealed(), content, data);
    return data;
  }

  protected received(message: PageMessage): void {
    if (message.type === 'control') void commands.executeCommand(SHOW_CONTROL_COMMAND, message.id);
    if (message.type === 'open') void openAt(message.uri, message.line);
  }

  protected async refresh(): Promise<void> {
    const content = this.content;
    if (!this.panel || !content) return;
    const data = await content.fetch(this.ctx);
    if (this.panel && this.content === content) this.paint(this.panel, content, data);
  }

  private paint(panel: WebviewPanel, content: PageContent<T>, data: T): void {
    panel.title = content.title(data);
    panel.webview.html = content.html(data, randomBytes(16).toString('base64'));
  }
}

/** Opens a document beside the page at a zero-based line. */
async function openAt(uri: string, line: number): Promise<void> {
  const start = new Position(Math.max(0, line), 0);
  await window.showTextDocument(Uri.parse(uri), { selection: new Range(start, start), viewColumn: ViewColumn.Beside, preview: true });
}
