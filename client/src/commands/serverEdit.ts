import { Range, Uri, window, workspace, WorkspaceEdit, type WorkspaceEditEntryMetadata } from 'vscode';
import type { PlainTextEdit } from '../../../server/src/protocol/customMessages';

/**
 * Applies an edit the server computed as one workspace edit (one undo step); false when the editor
 * refuses it. `describe` labels each document's change; one that needs confirmation opens VS Code's
 * refactor preview (a diff per file) and nothing changes until the user applies it there.
 */
export async function applyServerEdit(changes: Record<string, PlainTextEdit[]>, describe?: (uri: string) => WorkspaceEditEntryMetadata): Promise<boolean> {
  const workspaceEdit = new WorkspaceEdit();
  for (const [target, edits] of Object.entries(changes)) {
    const metadata = describe?.(target);
    for (const { range, newText } of edits) workspaceEdit.replace(Uri.parse(target), new Range(range.start.line, range.start.character, range.end.line, range.end.character), newText, metadata);
  }
  return workspace.applyEdit(workspaceEdit, { isRefactoring: describe !== undefined });
}

/** The document a command was given: a URI, a URI string, or a view node holding `document.uri`; else undefined. */
export function targetUri(target: unknown): Uri | undefined {
  if (target instanceof Uri) return target;
  if (typeof target === 'string') return Uri.parse(target);
  const uri = (target as { document?: { uri?: unknown } } | undefined)?.document?.uri;
  return typeof uri === 'string' ? Uri.parse(uri) : undefined;
}

/** The active editor's document when it is Markdown. */
export function markdownEditorUri(): Uri | undefined {
  const document = window.activeTextEditor?.document;
  return document?.languageId === 'markdown' ? document.uri : undefined;
}
