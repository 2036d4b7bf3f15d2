import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { AddClausesParams, PlainTextEdit, SuggestClausesParams, SuggestClausesResult } from '../protocol/customMessages';
import { claimedControls } from '../rules/claimedControls';
import { addToListEdit } from '../rules/clauseListEdit';
import { insertAt } from '../rules/edits';
import { draftClaiming, inCatalogOrder } from '../suggest/adoption';
import type { ServerContext } from './context';
import { toLspEdits } from './conversion';
import { openEntry } from './openDocument';
import { suggestionsFor } from './suggestedClauses';


const DEFAULT_LIMIT = 15;

/** clausewise/suggestClauses: the ranked suggestions for an open document, with their reasons. */
export async function suggestClausesForRequest(context: ServerContext, params: SuggestClausesParams, token?: CancellationToken): Promise<SuggestClausesResult> {
  const entry = await openEntry(context, params.uri, token);
  const limit = Math.max(1, params.limit ?? DEFAULT_LIMIT);
  return {
    hasFrontmatter: entry.document!.frontmatter !== undefined,
    suggestions: suggestionsFor(entry)
      .slice(0, limit)
      .map((suggestion) => ({ id: suggestion.control.id, title: suggestion.control.title, score: suggestion.score, claimed: suggestion.claimed, reasons: suggestion.reasons.map((reason) => reason.text) })),
  };
}

/** clausewise/addClausesEdit: add the chosen ids to `clauses`, or prepend a draft frontmatter block claiming them. */
export async function addClausesEdit(context: ServerContext, params: AddClausesParams, token?: CancellationToken): Promise<{ changes: Record<string, PlainTextEdit[]> } | null> {
  // After indexing: the draft's id must differ from every document's.
  const entry = await openEntry(context, params.uri, token);
  const document = entry.document!;
  const catalog = entry.set.catalog;
  const unknown = params.ids.filter((id) => !catalog.control(id));
  if (unknown.length) {
    const list = `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a control' : 'are not controls'} of ${catalog.info.name}`;
    throw new ResponseError(ErrorCodes.InvalidParams, `${list}; pick ids from "Clausewise: Suggest Clauses…" or "Clausewise: Explain Control…" (clausewise explain on the command line)`);
  }
  // Canonical ids ("09.4.3" → 9.4.3), each once, leaving out what the document already claims.
  const claimed = new Set(claimedControls(entry.analyzed.summary, catalog).map(({ control }) => control.id));
  const ids = [...new Set(params.ids.map((id) => catalog.control(id)!.id))].filter((id) => !claimed.has(id));
  if (!ids.length) return null;
  if (!document.frontmatter) {
    const { block } = draftClaiming(document, inCatalogOrder(catalog, ids), new Set(entry.set.index.ids()), entry.set.config.requiredFields);
    // The block goes first; a byte-order mark is not part of the text the editor holds.
    return { changes: { [params.uri]: toLspEdits(entry.treeless, [insertAt(0, block)]) } };
  }
  const edit = addToListEdit(document, 'clauses', ids);
  if (!edit) throw new ResponseError(ErrorCodes.InvalidRequest, `the frontmatter of ${entry.path} is not a YAML mapping, so clauses cannot be added; fix the frontmatter first`);
  return { changes: { [params.uri]: toLspEdits(entry.treeless, [edit]) } };
}
