import { basename } from 'node:path';
import { window, workspace, type QuickPickItem, type Uri } from 'vscode';
import { AddClausesEditRequest, SuggestClausesRequest, type PlainTextEdit } from '../../../server/src/protocol/customMessages';
import type { Ctx } from '../ctx';
import { applyServerEdit, markdownEditorUri, targetUri } from './serverEdit';

/**
 * "Suggest clauses…": lists the controls the server ranks for a document, with score and reasons,
 * and adds the ones picked to its `clauses` (or prepends a draft frontmatter block claiming them)
 * as one undoable edit. Given `ids`, adds those without asking. Returns whether the document changed.
 */
export function suggestClauses(ctx: Ctx) {
  return async (target?: unknown, ids?: string[]): Promise<boolean> => {
    const uri = targetUri(target) ?? markdownEditorUri();
    if (!uri) {
      void window.showInformationMessage('Clausewise: open a Markdown policy document to get clause suggestions for it.');
      return false;
    }
    try {
      await workspace.openTextDocument(uri);
      const chosen = ids ?? (await pick(ctx, uri));
      if (!chosen?.length) return false;
      const edit = await ctx.request(AddClausesEditRequest, { uri: uri.toString(), ids: chosen });
      if (edit) return await apply(edit);
      void window.showInformationMessage(`Clausewise: ${basename(uri.fsPath)} already claims ${chosen.join(', ')}.`);
      return false;
    } catch (error) {
      // The server's refusals say what to do ("… is not open in the editor; open it, then ask again").
      void window.showErrorMessage(`Clausewise could not suggest clauses: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  };
}

/** Applies the server's edit as one workspace edit (one undo step); says so when the editor refuses it. */
async function apply(edit: { changes: Record<string, PlainTextEdit[]> }): Promise<boolean> {
  if (await applyServerEdit(edit.changes)) return true;
  void window.showWarningMessage('Clausewise: the editor did not take the clauses (the document may have changed meanwhile); run "Clausewise: Suggest Clauses…" again.');
  return false;
}

async function pick(ctx: Ctx, uri: Uri): Promise<string[] | undefined> {
  const result = await ctx.request(SuggestClausesRequest, { uri: uri.toString() });
  const items: (QuickPickItem & { id: string })[] = result.suggestions
    .filter((suggestion) => !suggestion.claimed)
    .map((suggestion) => ({ id: suggestion.id, label: `${suggestion.id} ${suggestion.title}`, description: suggestion.score.toFixed(2), detail: suggestion.reasons.join(' · ') }));
  if (!items.length) {
    void window.showInformationMessage('Clausewise: nothing in this document matches a control it does not already claim. Add headings for what the document covers (e.g. "## Restore testing"), or run "Clausewise: Insert Policy Skeleton" to start from the sections a control expects.');
    return undefined;
  }
  const title = result.hasFrontmatter
    ? `Suggested clauses for ${basename(uri.fsPath)}: the ones picked are added to its clauses`
    : `Suggested clauses for ${basename(uri.fsPath)}: a draft frontmatter block claiming the ones picked goes at the top`;
  const picked = await window.showQuickPick(items, { canPickMany: true, title, placeHolder: 'Pick the clauses this document implements (type to filter)', matchOnDetail: true });
  return picked?.map((item) => item.id);
}
