import { basename } from 'node:path';
import { commands, Range, window, workspace, type CodeAction, type Uri } from 'vscode';
import { FIX_ALL_KIND } from '../../../server/src/protocol/customMessages';

/** Applies every automatic fix the server offers for a file (default: the active editor's); returns how many text edits were applied. */
export function fixAllProblems() {
  return async (uri?: Uri): Promise<number> => {
    const document = uri ? await workspace.openTextDocument(uri) : window.activeTextEditor?.document;
    if (!document) {
      void window.showInformationMessage('Clausewise: open a policy document to fix its problems.');
      return 0;
    }
    const whole = new Range(0, 0, document.lineCount, 0);
    const actions = (await commands.executeCommand<CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, FIX_ALL_KIND)) ?? [];
    let applied = 0;
    let reported = false;
    for (const action of actions.filter((candidate) => candidate.kind?.value === FIX_ALL_KIND && candidate.edit)) {
      const edits = action.edit!.entries().reduce((count, [, changes]) => count + changes.length, 0);
      if (!(await workspace.applyEdit(action.edit!))) continue;
      applied += edits;
      // The server's follow-up: it says what was applied and what still needs the author, and selects the first inserted TODO.
      if (action.command) {
        await commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
        reported = true;
      }
    }
    const name = basename(document.uri.fsPath);
    if (!reported) window.setStatusBarMessage(applied ? `$(check) Clausewise fixed what it could in ${name}; the rest is in the Problems panel` : `Clausewise has no automatic fix for ${name}; see the Problems panel for what to change`, 4000);
    return applied;
  };
}
