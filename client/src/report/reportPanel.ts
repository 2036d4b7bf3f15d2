import { randomBytes } from 'node:crypto';
import { commands, Uri, ViewColumn } from 'vscode';
import { CoverageReportRequest, CoverageRequest, type CoverageReport, type CoverageReportFormat } from '../../../server/src/protocol/customMessages';
import { COMMANDS } from '../commands/ids';
import type { Ctx } from '../ctx';
import type { ClaimTarget } from '../views/coverageItems';
import { LivePanel } from './livePanel';
import { webviewHtml } from './reportHtml';

/** Messages the report page posts: open a document (its link, relative to the report's folder) at a control or a register row's line, or export the report. */
type PageMessage = { type: 'open'; href: string; controlId: string; excluded: boolean; line?: number } | { type: 'export'; format: CoverageReportFormat };

/** The coverage report panel (one at a time): the same page as `clausewise coverage --format html`, kept current while open. */
export class ReportPanel extends LivePanel<PageMessage> {
  /** The folder the page's document links are relative to. */
  private folder?: Uri;

  constructor(ctx: Ctx) {
    super(ctx, 'clausewise.coverageReport', 'coverage report', { viewColumn: ViewColumn.Active, preserveFocus: false });
  }

  /** Opens (or reveals) the panel with the coverage of the policy set in view; returns the report it shows. */
  async show(): Promise<CoverageReport> {
    this.revealed();
    return this.refresh();
  }

  protected received(message: PageMessage): void {
    if (message.type === 'open' && this.folder) {
      const target: ClaimTarget = { path: Uri.joinPath(this.folder, message.href).fsPath, controlId: message.controlId, excluded: message.excluded, ...(Number.isInteger(message.line) ? { line: message.line } : {}) };
      void commands.executeCommand(COMMANDS.openClaim, target);
    }
    if (message.type === 'export') void commands.executeCommand(COMMANDS.exportCoverageReport, message.format);
  }

  protected async refresh(): Promise<CoverageReport> {
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
}
