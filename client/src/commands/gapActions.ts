import { basename } from 'node:path';
import { commands, ProgressLocation, Range, Uri, window, workspace, WorkspaceEdit, type QuickPickItem } from 'vscode';
import { ControlPlacesRequest, ExcludeControlEditRequest, type ControlPlace } from '../../../server/src/protocol/gapMessages';
import { justificationWords, MIN_JUSTIFICATION_WORDS } from '../../../server/src/shared/justification';
import type { Ctx } from '../ctx';
import { controlIdOf } from './pickControl';
import { COMMANDS } from './ids';
import { applyServerEdit } from './serverEdit';

/**
 * "Exclude with Justification…" on a gap: asks why the control does not apply, then adds the exclusion
 * to the policy set's Statement of Applicability (or its exclusions record, or a new `exclusions.md`)
 * and opens that document at it, unsaved when it existed. Given `justification`, does not ask.
 * Returns the document written to.
 */
export function excludeControl(ctx: Ctx) {
  return async (target?: unknown, justification?: string): Promise<Uri | undefined> => {
    const id = controlIdOf(target);
    if (!id) return undefined;
    const reason = justification ?? (await window.showInputBox({
      title: `Exclude ${id} from the Statement of Applicability`,
      prompt: `Why does ${id} not apply to your organisation? An auditor reads this.`,
      placeHolder: 'e.g. The clinic has no delivery or loading area: goods arrive by courier at reception.',
      ignoreFocusOut: true,
      validateInput: (value) => (justificationWords(value) < MIN_JUSTIFICATION_WORDS ? 'Say in a sentence why the control does not apply (at least four words).' : undefined),
    }));
    if (!reason) return undefined;
    try {
      const result = await ctx.request(ExcludeControlEditRequest, { ...ctx.scope(), id, justification: reason });
      const uri = Uri.parse(result.uri);
      if (result.create) {
        const edit = new WorkspaceEdit();
        edit.createFile(uri, { contents: new TextEncoder().encode(result.text ?? '') });
        if (!(await workspace.applyEdit(edit))) throw new Error(`the editor did not create ${uri.fsPath}`);
      } else if (!(await applyServerEdit(result.changes))) {
        throw new Error(`the editor did not take the edit of ${uri.fsPath} (it may have changed meanwhile); run the command again`);
      }
      const document = await workspace.openTextDocument(uri);
      const { line } = result;
      await window.showTextDocument(document, { preview: false, selection: line < document.lineCount ? new Range(line, 0, line + 1, 0) : undefined });
      void window.showInformationMessage(`Clausewise: ${id} is excluded in ${basename(uri.fsPath)}${result.create ? ' (a new exclusions record: complete its owner)' : ' (unsaved: save the file to keep it)'}.`);
      return uri;
    } catch (error) {
      void window.showErrorMessage(`Clausewise could not exclude ${id}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };
}

/**
 * "Where Could This Go?" on a control: the set's documents whose text addresses it best (the
 * suggestion score), in a pick list; the one picked opens, with an offer to claim the control there.
 * Given `choice` (an index), picks without asking. Returns the URI opened.
 */
export function whereCouldThisGo(ctx: Ctx) {
  return async (target?: unknown, choice?: number): Promise<string | undefined> => {
    const id = controlIdOf(target);
    if (!id) return undefined;
    try {
      const result = await window.withProgress({ location: ProgressLocation.Window, title: `Clausewise: ranking documents for ${id}` }, () => ctx.request(ControlPlacesRequest, { ...ctx.scope(), id }));
      if (!result.places.length) {
        void window.showInformationMessage(`Clausewise: no document of this policy set says anything about ${id} ${result.title} yet. Use "New Document from Skeleton" to start one for it.`);
        return undefined;
      }
      const items: (QuickPickItem & { place: ControlPlace })[] = result.places.map((place) => ({
        label: place.documentId ?? basename(Uri.parse(place.uri).fsPath),
        description: [place.score.toFixed(2), place.claimed ? `claims ${id}` : undefined, place.title].filter(Boolean).join(' · '),
        detail: place.reasons.join(' · '),
        place,
      }));
      const picked = choice !== undefined ? items[choice] : await window.showQuickPick(items, { title: `Where could ${id} ${result.title} go? The documents whose text addresses it best`, placeHolder: 'Pick a document to open it', matchOnDescription: true, matchOnDetail: true });
      if (!picked) return undefined;
      await window.showTextDocument(Uri.parse(picked.place.uri), { preview: false });
      if (!picked.place.claimed) {
        void window.showInformationMessage(`Clausewise: ${picked.label} does not claim ${id} yet.`, `Claim ${id} here`).then((answer) => answer && commands.executeCommand(COMMANDS.claimInOpenDocument, id));
      }
      return picked.place.uri;
    } catch (error) {
      void window.showErrorMessage(`Clausewise could not rank documents for ${id}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };
}
