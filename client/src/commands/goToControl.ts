import { commands, window } from 'vscode';
import type { Ctx } from '../ctx';
import type { CoverageTree } from '../views/coverageTree';
import { clauseAtCursor, controlIdOf, pickControls } from './pickControl';

/** Selects a control in the Coverage view, showing its documents: the id given, the one under the cursor, or one picked. */
export function goToControl(ctx: Ctx, tree: CoverageTree) {
  return async (argument?: unknown): Promise<string | undefined> => {
    // An earlier Go to Control still retrying its reveal would take the focus and close the pick list.
    tree.stopRevealing();
    const id = controlIdOf(argument) ?? clauseAtCursor() ?? (await pickControls(ctx, 'Go to which control?'))?.[0];
    if (!id) return undefined;
    await commands.executeCommand('clausewise.coverage.focus');
    if (await tree.reveal(id)) return id;
    void window.showWarningMessage(`Clausewise: there is no control ${id} in the Coverage view (not in the catalog in use, or the server is not running). To pick one from the list, run "Clausewise: Go to Control" with the cursor away from a clause id.`);
    return undefined;
  };
}
