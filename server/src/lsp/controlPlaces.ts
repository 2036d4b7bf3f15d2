import type { CancellationToken } from 'vscode-languageserver';
import type { Control } from '../catalog/types';
import { elementsFor } from '../config/elements';
import type { DocumentSummary } from '../model/summary';
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

/** A document with its score for the control, before the reasons are put into words. */
interface Scored {
  summary: DocumentSummary;
  entry: SessionDocument;
  score: number;
  /** The open document's suggestion, reasons and all. */
  suggestion?: ClauseSuggestion;
}

/**
 * clausewise/controlPlaces: "where could this go?" — each policy document of the scope ranked by the
 * score the suggestion ranking gives this control for it (the same ranking as Suggest Clauses, read
 * per control instead of per document). A closed document's scores are kept by its checking thread
 * (computed for every closed document at the first request, then at each analysis), so ranking
 * thousands of documents parses none; only the `limit` shown are parsed again, for the words of
 * their reasons.
 */
export async function controlPlaces(context: ServerContext, params: ControlPlacesParams, token?: CancellationToken): Promise<ControlPlacesResult> {
  await afterIndexing(context, token);
  const { set, index } = requestScope(context, params);
  const control = controlNamed(set, params?.id, 'clausewise/controlPlaces');
  // Indexing keeps no scores: the first request has the closed documents scored, and kept fresh from then on.
  await context.workspace.keepSuggestionScores(token);
  throwIfCancelled(token);
  const position = set.catalog.controls.indexOf(control);
  const scored: Scored[] = [];
  const pace = yieldEvery();
  for (const summary of index.policies()) {
    await pace();
    throwIfCancelled(token);
    const entry = await context.workspace.upToDate(context.workspace.uriOf(summary.path));
    throwIfCancelled(token);
    if (!entry) continue;
    const kept = entry.document ? undefined : entry.analyzed.suggestionScores;
    const suggestion = kept ? undefined : rankedFor(entry, control);
    const score = kept ? kept[position]! : (suggestion?.score ?? 0);
    if (score > 0) scored.push({ summary, entry, score, suggestion });
  }
  // Stable: equal scores keep the index's order, as the ranking from parsed documents does.
  scored.sort((a, b) => b.score - a.score);
  const places = scored.slice(0, Math.max(1, params.limit ?? DEFAULT_LIMIT)).map((place) => placeOf(context, place, control));
  return { id: control.id, title: control.title, places };
}

function placeOf(context: ServerContext, { summary, entry, score, suggestion }: Scored, control: Control): ControlPlace {
  const { set } = entry;
  const reasons = (suggestion ?? rankedFor(entry, control))?.reasons ?? [];
  return {
    uri: context.workspace.uriOf(summary.path),
    ...(summary.id ? { documentId: summary.id.value } : {}),
    ...(summary.title ? { title: summary.title } : {}),
    score,
    claimed: summary.clauses.some((clause) => set.catalog.control(clause.value)?.id === control.id),
    reasons: reasons.map((reason) => reason.text),
  };
}

/** The control's suggestion for an open document (its ranking is kept between requests), or for a closed one, of its category only, from its file's text. */
function rankedFor(entry: SessionDocument, control: Control): ClauseSuggestion | undefined {
  const ranked = entry.document
    ? suggestionsFor(entry)
    : suggestClauses(fullDocument(entry), entry.set.catalog, { elementsOf: (candidate) => elementsFor(candidate, entry.set.config), categoryId: control.categoryId });
  return ranked.find((candidate) => candidate.control.id === control.id);
}
