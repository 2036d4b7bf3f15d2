import type { ExtensionContext } from 'vscode';
import { CoverageRequest } from '../../server/src/protocol/customMessages';
import type { ControlPage, ExclusionRegister } from '../../server/src/protocol/controlMessages';
import { registerCommands } from './commands';
import { Ctx } from './ctx';
import { PagePanel } from './report/pagePanel';
import { ReportPanel } from './report/reportPanel';
import { CoverageTree } from './views/coverageTree';
import { DocumentsTree } from './views/documentsTree';

/** What the extension exports, for tests and other extensions: the server's state, not its answers. */
export interface ClausewiseApi {
  /** The process id of the running language server. */
  serverPid(): number | undefined;
  /** The status bar item's text (`27799 96/114`). */
  statusText(): string;
  /** What a screen reader reads for the status bar item (plain text). */
  statusLabel(): string | undefined;
  /** Fires each time the language server is running again. */
  onDidStart: Ctx['onDidStart'];
  /** Fires with each text the status bar item shows, as it is shown. */
  onDidChangeStatus: Ctx['status']['onDidShow'];
  /** How many clausewise/coverage requests the extension has sent (the views share one per coverage generation). */
  coverageRequests(): number;
}

let ctx: Ctx | undefined;

/** Creates the context, views and commands, and starts the server when the workspace holds a policy set. */
export async function activate(context: ExtensionContext): Promise<ClausewiseApi> {
  const current = new Ctx(context);
  ctx = current;
  const ui = { coverage: new CoverageTree(current), documents: new DocumentsTree(current), report: new ReportPanel(current),
    controlPage: new PagePanel<ControlPage>(current, 'clausewise.controlPage', 'control page'), exclusionRegister: new PagePanel<ExclusionRegister>(current, 'clausewise.exclusionRegister', 'exclusion register') };
  context.subscriptions.push(ui.coverage, ui.documents, ui.report, ui.controlPage, ui.exclusionRegister);
  registerCommands(current, ui);
  await current.startWhenNeeded().catch((error) => current.output.error(`Clausewise did not start: ${error instanceof Error ? error.message : String(error)}`));
  return { serverPid: () => current.serverPid(), statusText: () => current.status.text(), statusLabel: () => current.status.accessibleLabel(), onDidStart: current.onDidStart, onDidChangeStatus: current.status.onDidShow, coverageRequests: () => current.answers.sent(CoverageRequest.method) };
}

/** Stops the server cleanly (shutdown and exit) before VS Code unloads the extension. */
export async function deactivate(): Promise<void> {
  await ctx?.dispose();
  ctx = undefined;
}
