import { elementsFor } from '../config/elements';
import { claimedControls } from '../rules/claimedControls';
import { suggestClauses } from '../suggest/rank';
import type { ClauseSuggestion } from '../suggest/types';
import type { PolicySet } from '../engine/policySet';
import type { SessionDocument } from '../engine/session';

/**
 * The ranking reads only the body (10–30 ms for a long document), so it is kept per open path while
 * the body and the policy set stay the same: typing in the frontmatter, or asking for code actions
 * and completion after each edit there, ranks nothing again. Kept per policy set (a config change
 * replaces the set, and its rankings go with it), for a few paths, newest last.
 */
const ranked = new WeakMap<PolicySet, Map<string, { body: string; suggestions: ClauseSuggestion[] }>>();
const KEPT = 8;

/** The ranked suggestions for an open document, with the config's elements, `claimed` as of its current frontmatter. */
export function suggestionsFor(entry: SessionDocument): ClauseSuggestion[] {
  const document = entry.document;
  if (!document) return [];
  const body = document.text.slice(document.frontmatter?.range.end ?? 0);
  let paths = ranked.get(entry.set);
  if (!paths) ranked.set(entry.set, (paths = new Map()));
  let kept = paths.get(entry.path);
  if (kept?.body !== body) kept = { body, suggestions: suggestClauses(document, entry.set.catalog, { elementsOf: (control) => elementsFor(control, entry.set.config) }) };
  paths.delete(entry.path);
  paths.set(entry.path, kept);
  if (paths.size > KEPT) paths.delete(paths.keys().next().value!);
  const claimed = new Set(claimedControls(entry.analyzed.summary, entry.set.catalog).map(({ control }) => control.id));
  // Kept while only the frontmatter changes: what it claims now is read here.
  return kept.suggestions.map((suggestion) => ({ ...suggestion, claimed: claimed.has(suggestion.control.id) }));
}

/** Rank (0 = best) and score of each suggested control, for ordering completion items. */
export function suggestionRanks(entry: SessionDocument): Map<string, { rank: number; score: number }> {
  return new Map(suggestionsFor(entry).map((suggestion, rank) => [suggestion.control.id, { rank, score: suggestion.score }]));
}
