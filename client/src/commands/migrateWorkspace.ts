import { Range, Uri, window, workspace, WorkspaceEdit } from 'vscode';
import { MigrateWorkspaceRequest } from '../../../server/src/protocol/customMessages';
import type { Ctx } from '../ctx';

/**
 * "Clausewise: Migrate Workspace to ISO/IEC 27002:2022": asks the server for the edits `clausewise migrate --write`
 * would make (every frontmatter, and the config's catalog line) and applies them as one undoable step.
 */
export function migrateWorkspace(ctx: Ctx) {
  return async (): Promise<number> => {
    try {
      const result = await ctx.request(MigrateWorkspaceRequest, ctx.scope());
      const refused = result.refused.map((entry) => `${Uri.parse(entry.uri).fsPath}: ${entry.reason}`);
      if (result.documents === 0) {
        void window.showInformationMessage(`Clausewise: no document names ISO/IEC 27002:2013 ids to migrate. ${result.config}${refused.length ? ` Not migrated: ${refused.join('; ')}` : ''}`);
        return 0;
      }
      const edit = new WorkspaceEdit();
      for (const [target, edits] of Object.entries(result.changes)) {
        for (const { range, newText } of edits) edit.replace(Uri.parse(target), new Range(range.start.line, range.start.character, range.end.line, range.end.character), newText);
      }
      if (!(await workspace.applyEdit(edit))) {
        void window.showWarningMessage('Clausewise: the editor did not take the migration (a document may have changed meanwhile); run the command again.');
        return 0;
      }
      void window.showInformationMessage(
        `Clausewise migrated ${result.documents} documents to ISO/IEC 27002:2022 (unsaved: review, then save all). ${result.config} Body references such as "ISO 27799 9.4.2" are not rewritten: clausewise migrate lists them.${refused.length ? ` Not migrated: ${refused.join('; ')}` : ''}`,
      );
      return result.documents;
    } catch (error) {
      void window.showErrorMessage(`Clausewise could not migrate the workspace: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    }
  };
}
