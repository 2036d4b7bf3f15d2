import type { CancellationToken, Location, ReferenceParams } from 'vscode-languageserver';
import { normalizeClauseId } from '../catalog/clauseId';
import type { Range } from '../document/types';
import { targetAt } from '../document/targetAt';
import type { DocumentSummary } from '../model/summary';
import { afterIndexing, type ServerContext } from './context';
import { toLspRange, toOffset } from './conversion';

/**
 * textDocument/references: a clause id → every place a document claims, excludes or cites it;
 * a document id → every `related` that names it (and its own `id:` with includeDeclaration).
 */
export async function references(context: ServerContext, params: ReferenceParams, token: CancellationToken): Promise<Location[] | null> {
  const entry = await context.workspace.upToDate(params.textDocument.uri);
  if (!entry?.document) return null;
  const target = targetAt(entry.document, toOffset(entry.treeless, params.position));
  if (!target) return null;
  await afterIndexing(context, token);
  const { session } = context.workspace;
  const located = (summary: DocumentSummary, ranges: Range[]): Location[] => {
    const other = session.get(summary.path);
    return other ? ranges.map((range) => ({ uri: context.workspace.uriOf(summary.path), range: toLspRange(other.treeless, range) })) : [];
  };
  if (target.kind === 'clause') {
    const id = normalizeClauseId(target.source) ?? target.source;
    const same = (source: string) => (normalizeClauseId(source) ?? source) === id;
    const sets = session.policySets().filter((set) => set.catalog.info.file === entry.set.catalog.info.file);
    return sets.flatMap((set) =>
      set.index.policies().flatMap((summary) =>
        located(summary, [
          ...summary.clauses.filter((claim) => same(claim.source)).map((claim) => claim.range),
          ...summary.exclusions.flatMap((exclusion) => (exclusion.clause && same(exclusion.clause.source) ? [exclusion.clause.range] : [])),
          ...summary.mentions.filter((mention) => mention.id === id).map((mention) => mention.range),
        ]),
      ),
    );
  }
  if (target.kind === 'document-id') {
    const { index } = entry.set;
    const declarations = params.context.includeDeclaration ? index.withId(target.id).flatMap((summary) => (summary.id ? located(summary, [summary.id.range]) : [])) : [];
    const uses = index.referencing(target.id).flatMap((summary) => located(summary, summary.related.filter((reference) => reference.value === target.id).map((reference) => reference.range)));
    return [...declarations, ...uses];
  }
  return null;
}
