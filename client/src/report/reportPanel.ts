import { randomBytes } from 'node:crypto';
import { commands, Uri, ViewColumn, window, type Disposable, type WebviewPanel } from 'vscode';
import { CoverageReportRequest, CoverageRequest, type CoverageReport, type CoverageReportFormat } from '../../../server/src/protocol/customMessages';
import { COMMANDS } from '../commands/ids';
import type { Ctx } from '../ctx';
import type { ClaimTarget } from '../views/coverageItems';
import { webviewHtml } from './reportHtml';

/** Messages the report page posts: open a document (its link, relative to the report's folder) at a control, or export the report. */
type PageMessage = { type: 'open'; href: string; controlId: string; excluded: boolean } | { type: 'export'; format: CoverageReportFormat };

/** The coverage report panel (one at a time): the same page as `clausewise coverage --format html`, kept current while open. */
export class ReportPanel implements Disposable {
  private panel?: WebviewPanel;
  /** The folder the page's document links are relative to. */
  private folder?: Uri;
  private readonly subscription: Disposable;

  constructor(private readonly ctx: Ctx) {
    this.subscription = ctx.onDidChangeCoverage(() => this.panel && void this.render().catch((error) => this.failed(error)));
  }

  /** Opens (or reveals) the panel with the coverage of the policy set in view; returns the report it shows. */
  async show(): Promise<CoverageReport> {
    if (this.panel) this.panel.reveal();
    else this.panel = this.create();
    return this.render();
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }

  private create(): WebviewPanel {
    const panel = window.createWebviewPanel('clausewise.coverageReport', 'Clausewise Coverage', ViewColumn.Active, {
      enableScripts: true,
      // Nothing is loaded from disk or the network: styles and script are inline, allowed by nonce.
      localResourceRoots: [],
      enableCommandUris: false,
    });
    panel.onDidDispose(() => (this.panel = undefined));
    panel.webview.onDidReceiveMessage((message: PageMessage) => {
      if (message.type === 'open' && this.folder) {
        const target: ClaimTarget = { path: Uri.joinPath(this.folder, message.href).fsPath, controlId: message.controlId, excluded: message.excluded };
        void commands.executeCommand(COMMANDS.openClaim, target);
      }
      if (message.type === 'export') void commands.executeCommand(COMMANDS.exportCoverageReport, message.format);
    });
    return panel;
  }

  private async render(): Promise<CoverageReport> {
    const scope = this.ctx.scope();
    const folder = scope.uri ? Uri.parse(scope.uri) : undefined;
    const [report, page] = await Promise.all([
      this.ctx.request(CoverageRequest, scope),
      this.ctx.request(CoverageReportRequest, { ...scope, format: 'html', ...(folder ? { outputUri: folder.toString() } : {}) }),
    ]);
    if (this.panel) {
      this.folder = folder;
      this.panel.title = `Coverage — ${report.catalog.name}`;
      this.panel.webview.html = webviewHtml(page.content, randomBytes(16).toString('base64'));
    }
    return report;
  }

  private failed(error: unknown): void {
    this.ctx.output.warn(`Could not update the coverage report: ${error instanceof Error ? error.message : String(error)}`);
  }
}
