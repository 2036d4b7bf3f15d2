import { commands } from 'vscode';
import type { Ctx } from '../ctx';
import type { ControlPage, ExclusionRegister } from '../../../server/src/protocol/controlMessages';
import type { PagePanel } from '../report/pagePanel';
import type { ReportPanel } from '../report/reportPanel';
import type { CoverageTree } from '../views/coverageTree';
import type { DocumentsTree } from '../views/documentsTree';
import { adoptFolder } from './adoptFolder';
import { claimInOpenDocument, filterCoverage, insertElement, newDocumentForControl } from './coverageActions';
import { exportCoverageReport } from './exportCoverageReport';
import { fixAllProblems } from './fixAllProblems';
import { excludeControl, whereCouldThisGo } from './gapActions';
import { goToControl } from './goToControl';
import { COMMANDS } from './ids';
import { groupDocuments } from './groupDocuments';
import { insertPolicySkeleton } from './insertPolicySkeleton';
import { migrateWorkspace } from './migrateWorkspace';
import { markReviewed } from './markReviewed';
import { openClaim } from './openClaim';
import { restartServer, showOutput } from './restartServer';
import { showCoverageReport } from './showCoverageReport';
import { showControl } from './showControl';
import { showExclusionRegister } from './showExclusionRegister';
import { showMissingElements } from './showMissingElements';
import { suggestClauses } from './suggestClauses';

/** The views and panels commands act on (the context owns the rest). */
interface Ui {
  coverage: CoverageTree;
  documents: DocumentsTree;
  report: ReportPanel;
  controlPage: PagePanel<ControlPage>;
  exclusionRegister: PagePanel<ExclusionRegister>;
}

/** Registers every command; each is a small factory over the context. */
export function registerCommands(ctx: Ctx, ui: Ui): void {
  const factories: Record<string, (...args: never[]) => unknown> = {
    [COMMANDS.showCoverageReport]: showCoverageReport(ui.report),
    [COMMANDS.exportCoverageReport]: exportCoverageReport(ctx),
    [COMMANDS.goToControl]: goToControl(ctx, ui.coverage),
    [COMMANDS.restartServer]: restartServer(ctx),
    [COMMANDS.insertPolicySkeleton]: insertPolicySkeleton(ctx),
    [COMMANDS.fixAllProblems]: fixAllProblems(),
    [COMMANDS.showOutput]: showOutput(ctx),
    [COMMANDS.showGapsOnly]: () => ui.coverage.setGapsOnly(true),
    [COMMANDS.showAllControls]: () => ui.coverage.setGapsOnly(false),
    [COMMANDS.refreshViews]: () => ctx.refetch(),
    [COMMANDS.openClaim]: openClaim(ctx),
    [COMMANDS.suggestClauses]: suggestClauses(ctx),
    [COMMANDS.migrateWorkspace]: migrateWorkspace(ctx),
    [COMMANDS.markReviewed]: markReviewed(ctx),
    [COMMANDS.groupDocuments]: groupDocuments(ui.documents),
    [COMMANDS.filterCoverage]: filterCoverage(ui.coverage),
    [COMMANDS.claimInOpenDocument]: claimInOpenDocument(),
    [COMMANDS.newDocumentForControl]: newDocumentForControl(),
    [COMMANDS.insertElement]: insertElement(),
    [COMMANDS.showMissingElements]: showMissingElements(),
    [COMMANDS.showControl]: showControl(ctx, ui.controlPage),
    [COMMANDS.showExclusionRegister]: showExclusionRegister(ui.exclusionRegister),
    [COMMANDS.excludeControl]: excludeControl(ctx),
    [COMMANDS.whereCouldThisGo]: whereCouldThisGo(ctx),
    [COMMANDS.adoptFolder]: adoptFolder(ctx),
  };
  for (const [id, run] of Object.entries(factories)) ctx.extension.subscriptions.push(commands.registerCommand(id, run));
}
