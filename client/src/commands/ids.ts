import { SHOW_CONTROL_COMMAND } from '../../../server/src/protocol/controlMessages';
import { SHOW_MISSING_ELEMENTS_COMMAND, SUGGEST_CLAUSES_COMMAND } from '../../../server/src/protocol/customMessages';

/** Every command id the extension contributes (package.json `contributes.commands` lists the same). */
export const COMMANDS = {
  showCoverageReport: 'clausewise.showCoverageReport',
  exportCoverageReport: 'clausewise.exportCoverageReport',
  goToControl: 'clausewise.goToControl',
  restartServer: 'clausewise.restartServer',
  insertPolicySkeleton: 'clausewise.insertPolicySkeleton',
  fixAllProblems: 'clausewise.fixAllProblems',
  showOutput: 'clausewise.showOutput',
  showGapsOnly: 'clausewise.coverage.showGapsOnly',
  showAllControls: 'clausewise.coverage.showAll',
  refreshViews: 'clausewise.refreshViews',
  openClaim: 'clausewise.openClaim',
  markReviewed: 'clausewise.markReviewed',
  groupDocuments: 'clausewise.documents.groupBy',
  filterCoverage: 'clausewise.coverage.filter',
  claimInOpenDocument: 'clausewise.coverage.claimInOpenDocument',
  newDocumentForControl: 'clausewise.coverage.newDocument',
  insertElement: 'clausewise.coverage.insertElement',
  excludeControl: 'clausewise.coverage.exclude',
  whereCouldThisGo: 'clausewise.coverage.whereCouldThisGo',
  adoptFolder: 'clausewise.adoptFolder',
  suggestClauses: SUGGEST_CLAUSES_COMMAND,
  migrateWorkspace: 'clausewise.migrateWorkspace',
  showMissingElements: SHOW_MISSING_ELEMENTS_COMMAND,
  showControl: SHOW_CONTROL_COMMAND,
  showExclusionRegister: 'clausewise.showExclusionRegister',
} as const;
