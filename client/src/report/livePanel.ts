import { window, type Disposable, type ViewColumn, type WebviewPanel } from 'vscode';
import type { Ctx } from '../ctx';

/** Where a panel opens, and whether opening it leaves the focus where it was. */
export interface PanelPlace {
  viewColumn: ViewColumn;
  preserveFocus: boolean;
}

/**
 * The lifecycle the extension's pages share (the coverage report, the control page, the exclusion
 * register): one panel at a time per kind, opened or revealed on demand, forgotten when the user
 * closes it, and painted again from the server while it is open whenever coverage changes.
 * Scripts run (inline, by nonce); nothing is loaded from disk or the network; no command URIs.
 */
export abstract class LivePanel<Message> implements Disposable {
  protected panel?: WebviewPanel;
  private readonly subscription: Disposable;

  constructor(
    protected readonly ctx: Ctx,
    private readonly viewType: string,
    /** What the panel's first title and a failed refresh's warning call it ("coverage report"). */
    private readonly name: string,
    private readonly place: PanelPlace,
  ) {
    this.subscription = ctx.onDidChangeCoverage(() => this.panel && void this.refresh().catch((error) => this.failed(error)));
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }

  /** A message the page posted. */
  protected abstract received(message: Message): void;

  /** Asks the server again and paints the open panel (coverage changed). */
  protected abstract refresh(): Promise<unknown>;

  /** The open panel, revealed, or a new one. */
  protected revealed(): WebviewPanel {
    if (this.panel) {
      this.panel.reveal(undefined, this.place.preserveFocus);
      return this.panel;
    }
    const panel = window.createWebviewPanel(this.viewType, `Clausewise ${this.name}`, this.place, { enableScripts: true, localResourceRoots: [], enableCommandUris: false });
    panel.onDidDispose(() => (this.panel = undefined));
    panel.webview.onDidReceiveMessage((message: Message) => this.received(message));
    return (this.panel = panel);
  }

  private failed(error: unknown): void {
    this.ctx.output.warn(`Could not update the ${this.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
