import type { InlayHint, InlayHintParams } from 'vscode-languageserver';
import { exclusionItems, listItems } from '../document/frontmatter';
import { positionAt } from '../document/lines';
import type { ServerContext } from './context';
import { toOffset, toPosition } from './conversion';

/**
 * textDocument/inlayHint: the control's title after an id in `clauses` and `excludes`, where it fits:
 * only after an id that is alone on its line (a block list, a one-id list). VS Code cuts a line's inlay
 * text short, so on a line of several ids (`clauses: [9.2.1, 9.2.2]`) the titles would vanish after the
 * first: there the hover gives them. The request's range is what is on screen, not the cursor.
 */
export async function inlayHints(context: ServerContext, params: InlayHintParams): Promise<InlayHint[] | null> {
  const entry = await context.workspace.upToDate(params.textDocument.uri);
  const frontmatter = entry?.document?.frontmatter;
  if (!entry || !frontmatter) return null;
  const start = toOffset(entry.treeless, params.range.start);
  const end = toOffset(entry.treeless, params.range.end);
  const ids = [...listItems(frontmatter, 'clauses'), ...exclusionItems(frontmatter).flatMap((exclusion) => (exclusion.clause ? [exclusion.clause] : []))];
  const lineOf = (offset: number) => positionAt(entry.document!.lineStarts, offset).line;
  const perLine = new Map<number, number>();
  for (const id of ids) perLine.set(lineOf(id.range.start), (perLine.get(lineOf(id.range.start)) ?? 0) + 1);
  return ids
    .filter((id) => id.range.end >= start && id.range.end <= end && perLine.get(lineOf(id.range.start)) === 1)
    .flatMap((id): InlayHint[] => {
      const clause = entry.set.catalog.lookup(id.source);
      return clause ? [{ position: toPosition(entry.treeless, id.range.end), label: clause.title, paddingLeft: true }] : [];
    });
}
