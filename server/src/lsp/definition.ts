import { pathToFileURL } from 'node:url';
import type { DefinitionParams, Location } from 'vscode-languageserver';
import { targetAt } from '../document/targetAt';
import type { ServerContext } from './context';
import { toLspRange, toOffset } from './conversion';

/** textDocument/definition: a document id in `related` → that document's `id:`; a clause id → its entry in the catalog file. */
export async function definition(context: ServerContext, params: DefinitionParams): Promise<Location[] | null> {
  const entry = await context.workspace.upToDate(params.textDocument.uri);
  if (!entry?.document) return null;
  const target = targetAt(entry.document, toOffset(entry.treeless, params.position));
  if (target?.kind === 'document-id') {
    return entry.set.index.withId(target.id).flatMap((summary) => {
      const other = context.workspace.session.get(summary.path);
      return other && summary.id ? [{ uri: context.workspace.uriOf(summary.path), range: toLspRange(other.treeless, summary.id.range) }] : [];
    });
  }
  if (target?.kind === 'clause') {
    const clause = entry.set.catalog.lookup(target.source);
    if (!clause) return null;
    const line = Math.max(0, clause.line - 1);
    return [{ uri: pathToFileURL(entry.set.catalog.info.file).href, range: { start: { line, character: 0 }, end: { line, character: 0 } } }];
  }
  return null;
}
