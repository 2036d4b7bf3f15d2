import { basename } from 'node:path';
import { window, workspace } from 'vscode';
import { MarkReviewedEditRequest } from '../../../server/src/protocol/reviewMessages';
import type { Ctx } from '../ctx';
import { applyServerEdit, markdownEditorUri, targetUri } from './serverEdit';

/**
 * "Mark as Reviewed": sets `last-reviewed` to today (and moves `next-review` on by the review cycle
 * when the document keeps one) as one undoable edit that changes nothing else, on the active editor's
 * document or the one picked in the Documents view (opened first). Returns whether the document changed.
 */
export function markReviewed(ctx: Ctx) {
  return async (target?: unknown): Promise<boolean> => {
    const uri = targetUri(target) ?? markdownEditorUri();
    if (!uri) {
      void window.showInformationMessage('Clausewise: open the policy document you reviewed (or pick it in the Documents view), then run "Mark as Reviewed" again.');
      return false;
    }
    try {
      await window.showTextDocument(await workspace.openTextDocument(uri), { preview: false });
      const result = await ctx.request(MarkReviewedEditRequest, { uri: uri.toString() });
      if (!(await applyServerEdit(result.changes))) {
        void window.showWarningMessage('Clausewise: the editor did not take the review date (the document may have changed meanwhile); run "Mark as Reviewed" again.');
        return false;
      }
      const next = result.nextReview ? `, next-review ${result.nextReview}` : '';
      void window.showInformationMessage(`Clausewise: ${basename(uri.fsPath)} marked as reviewed (last-reviewed ${result.lastReviewed}${next}). Save the file to keep it.`);
      return true;
    } catch (error) {
      // The server's refusals say what to do ("… has no frontmatter; insert one first …").
      void window.showErrorMessage(`Clausewise could not mark the document as reviewed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  };
}
