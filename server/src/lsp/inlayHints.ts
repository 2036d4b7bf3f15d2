import type { InlayHint, InlayHintParams } from 'vscode-languageserver';
import { exclusionItems, listItems } from '../document/frontmatter';
import type { ServerContext } from './context';
import { toOffset, toPosition } from './conversion';

/** textDocument/inlayHint: the control's title after each id in `clauses` and `excludes`. */
export async function inlayHints(context: ServerContext, params: InlayHintParams): Promise<InlayHint[] | null> {
  const entry = await context.workspace.upToDate(params.textDocument.uri);
  const frontmatter = entry?.document?.frontmatter;
  if (!entry || !frontmatter) return null;
  const start = toOffset(entry.treeless, params.range.start);
  const end = toOffset(entry.treeless, params.range.end);
  const ids = [...listItems(frontmatter, 'clauses'), ...exclusionItems(frontmatter).flatMap((exclusion) => (exclusion.clause ? [exclusion.clause] : []))];
  return ids
    .filter((id) => id.range.end >= start && id.range.end <= end)
    .flatMap((id): InlayHint[] => {
      const clause = entry.set.catalog.lookup(id.source);
      return clause ? [{ position: toPosition(entry.treeless, id.range.end), label: clause.title, paddingLeft: true }] : [];
    });
}
