import { Range, Uri, window, workspace, type TextDocument } from 'vscode';
import { ControlPageRequest } from '../../../server/src/protocol/controlMessages';
import type { Ctx } from '../ctx';
import type { ClaimTarget } from '../views/coverageItems';

/**
 * Opens a document at the frontmatter line that claims (or excludes) a control, with the id on it
 * selected. The line is the caller's when it has one (a register row, whose id may be no control at
 * all), else the server's (the control page lists each claim and exclusion with its line); when
 * neither can say, the document opens at its top.
 */
export function openClaim(ctx: Ctx) {
  return async (target: ClaimTarget): Promise<void> => {
    const uri = Uri.file(target.path);
    const place = target.line !== undefined ? { line: target.line, ids: [target.controlId] } : await placeOf(ctx, uri, target).catch(() => undefined);
    const document = await workspace.openTextDocument(uri);
    await window.showTextDocument(document, { preview: true, selection: place ? selectionOn(document, place.line, place.ids) : new Range(0, 0, 0, 0) });
  };
}

/** The zero-based line of the claim or exclusion, and the ids it may be written with there. */
async function placeOf(ctx: Ctx, uri: Uri, target: ClaimTarget): Promise<{ line: number; ids: string[] } | undefined> {
  const page = await ctx.request(ControlPageRequest, { uri: uri.toString(), id: target.controlId });
  const here = (entry: { uri: string }) => Uri.parse(entry.uri).fsPath === uri.fsPath;
  if (target.excluded) {
    const exclusion = page.exclusions.find(here);
    return exclusion && { line: exclusion.line, ids: [page.id] };
  }
  const claim = page.claims.find(here);
  return claim && { line: claim.line, ids: [page.id, ...(claim.via ?? [])] };
}

/** The first of the ids on the line (a whole id: 12.3.1 is not the start of 12.3.10), else the line's start. */
function selectionOn(document: TextDocument, line: number, ids: string[]): Range {
  const at = Math.min(Math.max(0, line), document.lineCount - 1);
  const text = document.lineAt(at).text;
  for (const id of ids) {
    const found = new RegExp(`(?<![\\d.])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\d.])`).exec(text);
    if (found) return new Range(at, found.index, at, found.index + id.length);
  }
  return new Range(at, 0, at, 0);
}
