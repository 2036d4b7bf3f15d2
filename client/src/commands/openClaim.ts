import { commands, Range, Uri, window, workspace, type DocumentSymbol, type SymbolInformation } from 'vscode';
import type { ClaimTarget } from '../views/coverageItems';

/** Opens a document at the frontmatter line that claims (or excludes) a control; the places come from the server's symbols. */
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

/** The frontmatter key's range from the document symbols, narrowed to the control's id inside it. */
async function keyRange(uri: Uri, key: string, controlId: string): Promise<Range | undefined> {
  const symbols = (await commands.executeCommand<(DocumentSymbol | SymbolInformation)[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
  const frontmatter = symbols.find((symbol): symbol is DocumentSymbol => symbol.name === 'frontmatter' && 'children' in symbol);
  const field = frontmatter?.children.find((child) => child.name === key);
  if (!field) return undefined;
  const document = await workspace.openTextDocument(uri);
  const text = document.getText(field.range);
  const at = text.search(new RegExp(`(?<![\\d.])${controlId.replace(/\./g, '\\.')}(?![\\d.])`));
  if (at < 0) return field.selectionRange;
  const start = document.positionAt(document.offsetAt(field.range.start) + at);
  return new Range(start, start.translate(0, controlId.length));
}
