import type { CancellationToken } from 'vscode-languageserver';
import { elementsFor } from '../config/elements';
import { suggestClauses } from '../suggest/rank';
import type { ClauseSuggestion } from '../suggest/types';
import type { ControlPlace, ControlPlacesParams, ControlPlacesResult } from '../protocol/gapMessages';
import type { SessionDocument } from '../engine/session';
import { afterIndexing, throwIfCancelled, type ServerContext } from './context';
import { fullDocument } from './openDocument';
import { controlNamed, requestScope } from './scope';
import { yieldEvery } from './yieldEvery';
import { suggestionsFor } from './suggestedClauses';


const DEFAULT_LIMIT = 10;

/**
 * clausewise/controlPlaces: "where could this go?" — each policy document of the scope ranked by the
 * score the suggestion ranking gives this control for it (the same ranking as Suggest Clauses, read
 * per control instead of per document). Ranks every document once per request, so it checks for
 * cancellation after each.
 */
export async function controlPlaces(context: ServerContext, params: ControlPlacesParams, token?: CancellationToken): Promise<ControlPlacesResult> {
  await afterIndexing(context, token);
  const { set, index } = requestScope(context, params);
  const control = controlNamed(set, params?.id, 'clausewise/controlPlaces');
  const places: ControlPlace[] = [];
  const pace = yieldEvery();
  for (const summary of index.policies()) {
    await pace();
    throwIfCancelled(token);
    const uri = context.workspace.uriOf(summary.path);
    const entry = await context.workspace.upToDate(uri);
    throwIfCancelled(token);
    if (!entry) continue;
    const suggestion = rankedFor(entry, control.categoryId).find((candidate) => candidate.control.id === control.id);
    if (!suggestion) continue;
    places.push({
      uri,
      ...(summary.id ? { documentId: summary.id.value } : {}),
      ...(summary.title ? { title: summary.title } : {}),
      score: suggestion.score,
      claimed: summary.clauses.some((clause) => set.catalog.control(clause.value)?.id === control.id),
      reasons: suggestion.reasons.map((reason) => reason.text),
    });
  }
  places.sort((a, b) => b.score - a.score);
  return { id: control.id, title: control.title, places: places.slice(0, Math.max(1, params.limit ?? DEFAULT_LIMIT)) };
}

/** The ranking for an open document (kept between requests), or for a closed one, of one category only, from its file's text. */
function rankedFor(entry: SessionDocument, categoryId: string): ClauseSuggestion[] {
  if (entry.document) return suggestionsFor(entry);
  return suggestClauses(fullDocument(entry), entry.set.catalog, { elementsOf: (control) => elementsFor(control, entry.set.config), categoryId });
}
