import { commands } from 'vscode';
import type { CoverageReport } from '../../../server/src/protocol/customMessages';

/** The context key the views' welcome content reads: the server runs, and no document claims or excludes anything yet. */
const NO_POLICIES = 'clausewise.noPolicies';

/** The message a view shows while the server is not running (starting, or stopped after crashes). */
export const NOT_RUNNING = 'The Clausewise language server is not running yet: it starts when the workspace has a Markdown file. If it stopped, run "Clausewise: Restart Language Server" (the "Clausewise" output says why).';

/** Whether a coverage report has nothing to show: no control is claimed or excluded by any document. */
export function isEmptySet(report: CoverageReport): boolean {
  return report.controls.every((control) => control.claims.length === 0 && control.exclusions.length === 0);
}

/** Shows (or hides) the views' "Adopt this Folder… / Insert Policy Skeleton" welcome content: set from each coverage the status bar fetches. */
export function offerAdoption(empty: boolean): void {
  void commands.executeCommand('setContext', NO_POLICIES, empty);
}
