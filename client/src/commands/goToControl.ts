import { commands } from 'vscode';
import type { Ctx } from '../ctx';
import type { CoverageTree } from '../views/coverageTree';
import { clauseAtCursor, controlIdOf, pickControls } from './pickControl';

/** Selects a control in the Coverage view, showing its documents: the id given, the one under the cursor, or one picked. */
export function goToControl(ctx: Ctx, tree: CoverageTree) {
  return async (argument?: unknown): Promise<string | undefined> => {
    const id = controlIdOf(argument) ?? clauseAtCursor() ?? (await pickControls(ctx, 'Go to which control?'))?.[0];
    if (!id) return undefined;
    await commands.executeCommand('clausewise.coverage.focus');
    return (await tree.reveal(id)) ? id : undefined;
  };
}
