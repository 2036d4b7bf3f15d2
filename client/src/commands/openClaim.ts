import { commands, Range, Uri, window, workspace, type SymbolInformation } from 'vscode';
import type { ClaimTarget } from '../views/coverageItems';

/** Opens a document at the frontmatter line that claims (or excludes) a control: a claim from the server's workspace symbols, an exclusion from the text. */
export function openClaim() {
  return async (target: ClaimTarget): Promise<void> => {
    const uri = Uri.file(target.path);
    const range = (target.excluded ? undefined : await claimRange(uri, target.controlId)) ?? (await keyRange(uri, target.excluded ? 'excludes' : 'clauses', target.controlId));
    await window.showTextDocument(uri, { selection: range ?? new Range(0, 0, 0, 0), preview: true });
  };
}

/** The server's workspace symbols include each control at every document that claims it. */
async function claimRange(uri: Uri, controlId: string): Promise<Range | undefined> {
  const symbols = (await commands.executeCommand<SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', controlId)) ?? [];
  return symbols.find((symbol) => symbol.location.uri.fsPath === uri.fsPath && symbol.name.startsWith(`${controlId} `))?.location.range;
}

/**
 * The control's id under a frontmatter key (`excludes:`), found in the text: the extension leaves
 * document symbols to Markdown's outline, so they cannot say where the key is.
 */
async function keyRange(uri: Uri, key: string, controlId: string): Promise<Range | undefined> {
  const document = await workspace.openTextDocument(uri);
  const text = document.getText();
  const fence = /^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*$/m.exec(text);
  const frontmatter = fence && fence.index === 0 ? fence[0] : text.slice(0, text.search(/^---[ \t]*$/m) + 1 || 0);
  const keyAt = frontmatter.search(new RegExp(`^[ \\t]*["']?${key}["']?[ \\t]*:`, 'm'));
  if (keyAt < 0) return undefined;
  const id = new RegExp(`(?<![\\d.])${controlId.replace(/\./g, '\\.')}(?![\\d.])`).exec(frontmatter.slice(keyAt));
  const start = document.positionAt(id ? keyAt + id.index : keyAt);
  return new Range(start, start.translate(0, id ? controlId.length : key.length));
}
