import { randomBytes } from 'node:crypto';
import { commands, ViewColumn, window, type Disposable, type WebviewPanel } from 'vscode';
import { CatalogRequest, CoverageRequest, type CoverageReport, type CoverageReportFormat } from '../../../server/src/protocol/customMessages';
import { COMMANDS } from '../commands/ids';
import type { Ctx } from '../ctx';
import type { ClaimTarget } from '../views/coverageItems';
import { reportHtml } from './reportHtml';

/** Messages the report page posts: open a document at a claim, or export the report. */
type PageMessage = ({ type: 'open' } & ClaimTarget) | { type: 'export'; format: CoverageReportFormat };

/** The coverage report panel (one at a time): heat map and Statement of Applicability, kept current while open. */
export class ReportPanel implements Disposable {
  private panel?: WebviewPanel;
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
      if (message.type === 'open') void commands.executeCommand(COMMANDS.openClaim, { path: message.path, controlId: message.controlId, excluded: message.excluded });
      if (message.type === 'export') void commands.executeCommand(COMMANDS.exportCoverageReport, message.format);
    });
    return panel;
  }

  private async render(): Promise<CoverageReport> {
    const scope = this.ctx.scope();
    const [report, catalog] = await Promise.all([this.ctx.request(CoverageRequest, scope), this.ctx.request(CatalogRequest, scope)]);
    if (this.panel) {
      this.panel.title = `Coverage — ${report.catalog.name}`;
      this.panel.webview.html = reportHtml(report, catalog, randomBytes(16).toString('base64'));
    }
    return report;
  }

  private failed(error: unknown): void {
    this.ctx.output.warn(`Could not update the coverage report: ${error instanceof Error ? error.message : String(error)}`);
  }
}
