import { basename } from 'node:path';
import { ProgressLocation, Uri, window, workspace } from 'vscode';
import { AdoptFolderRequest, type AdoptFolderResult } from '../../../server/src/protocol/gapMessages';
import type { Ctx } from '../ctx';
import { applyServerEdit } from './serverEdit';

/** How the command was asked to run: `preview: false` applies without the refactor preview (tests, other extensions). */
export interface AdoptOptions {
  preview?: boolean;
}

/**
 * "Adopt this Folder…": the server's `clausewise adopt` for a workspace folder — a draft frontmatter block
 * for each untagged policy — shown in VS Code's refactor preview (a diff per file; VS Code shows a change
 * that needs confirmation unticked, so the user ticks the files to adopt) before anything changes; the
 * adopted files are saved once applied. Returns the server's answer.
 */
export function adoptFolder(ctx: Ctx) {
  return async (target?: unknown, options: AdoptOptions = {}): Promise<AdoptFolderResult | undefined> => {
    const folder = target instanceof Uri ? target : await pickFolder();
    if (!folder) {
      void window.showInformationMessage('Clausewise: open the folder that holds your Markdown policies (File › Open Folder…), then run "Adopt this Folder…" again.');
      return undefined;
    }
    try {
      const result = await window.withProgress({ location: ProgressLocation.Notification, title: `Clausewise: ranking the controls of each Markdown file in ${basename(folder.fsPath)}…` }, () => ctx.request(AdoptFolderRequest, { uri: folder.toString() }));
      for (const entry of result.skipped) ctx.output.info(`Adopt: left ${Uri.parse(entry.uri).fsPath} alone: ${entry.reason}`);
      if (!result.adopted.length) {
        void window.showInformationMessage(`Clausewise: nothing to adopt in ${folder.fsPath}: no Markdown file without frontmatter reads like a policy (${result.skipped.length} left alone; the "Clausewise" output says why). Start one with "Insert Policy Skeleton".`);
        return result;
      }
      const byUri = new Map(result.adopted.map((entry) => [entry.uri, entry]));
      const applied = await applyServerEdit(result.changes, (uri) => {
        const entry = byUri.get(uri)!;
        return { label: `Adopt ${basename(Uri.parse(uri).fsPath)} as ${entry.id} (${entry.type})`, description: `clauses: ${entry.clauses.join(', ')}`, needsConfirmation: options.preview !== false };
      });
      // Save what was applied (the preview may have left files out): the draft blocks are now on disk, as `adopt --write` writes them.
      const saved = applied ? await saveAdopted(result) : 0;
      if (saved === 0) {
        void window.showInformationMessage('Clausewise adopted nothing: the refactor preview was discarded or had no file ticked (VS Code shows each proposed change unticked). Run "Adopt this Folder…" again and tick the files to adopt before Apply.');
        return result;
      }
      void window.showInformationMessage(`Clausewise adopted ${saved} ${saved === 1 ? 'file' : 'files'} as drafts (status: draft, owner: TODO)${result.skipped.length ? `; ${result.skipped.length} left alone (the "Clausewise" output says why)` : ''}. Review each draft's clauses and owner; the Problems panel lists the sections each claimed control still needs.`);
      return result;
    } catch (error) {
      void window.showErrorMessage(`Clausewise could not adopt ${folder.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };
}

async function pickFolder(): Promise<Uri | undefined> {
  const folders = workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0]?.uri;
  return (await window.showWorkspaceFolderPick({ placeHolder: 'Which folder\'s Markdown policies should get draft frontmatter?' }))?.uri;
}

/** Saves each adopted document whose text now starts with its draft block; returns how many. */
async function saveAdopted(result: AdoptFolderResult): Promise<number> {
  let saved = 0;
  for (const entry of result.adopted) {
    const document = workspace.textDocuments.find((candidate) => candidate.uri.toString() === Uri.parse(entry.uri).toString());
    if (!document?.getText().startsWith(`---`) || !document.isDirty) continue;
    if (await document.save()) saved++;
  }
  return saved;
}
