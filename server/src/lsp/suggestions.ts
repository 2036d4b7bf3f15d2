import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import { elementsFor } from '../config/elements';
import { SUGGEST_CLAUSES_COMMAND } from '../protocol/customMessages';
import { addToListEdit } from '../rules/clauseListEdit';
import { claimedControls } from '../rules/claimedControls';
import { suggestClauses } from '../suggest/rank';
import type { ClauseSuggestion } from '../suggest/types';
import type { PolicySet } from '../engine/policySet';
import type { SessionDocument } from '../engine/session';
import { toLspEdits } from './conversion';

/** The kind of the "add a suggested clause" actions (a refactoring: it changes what the document claims). */
export const SUGGEST_KIND = `${CodeActionKind.Refactor}.clausewise.suggestClauses`;

/** Below this many claimed controls, a document is offered suggestions. */
const FEW_CLAUSES = 3;
const OFFERED = 5;

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

/**
 * "Suggest clauses": on a document that claims few controls, or a policy with no frontmatter yet, one
 * "Suggest clauses…" action running the client's picker when the client has one; and, in the
 * frontmatter, one action per top suggestion not yet claimed, titled with its score and first
 * reason, adding the id to `clauses`.
 */
export function suggestClauseActions(entry: SessionDocument, uri: string, clientCommands: ReadonlySet<string>): CodeAction[] {
  const document = entry.document;
  if (!document || entry.analyzed.summary.clauses.length >= FEW_CLAUSES) return [];
  // An untagged file is offered only when the config names it a policy (a README is not one); the command works anywhere.
  if (!document.frontmatter && !entry.analyzed.summary.isPolicy) return [];
  const hasPicker = clientCommands.has(SUGGEST_CLAUSES_COMMAND);
  // Without a picker, only the per-id actions are offered, and they need a frontmatter to edit: nothing to rank for.
  if (!hasPicker && !document.frontmatter?.data) return [];
  const open = suggestionsFor(entry).filter((suggestion) => !suggestion.claimed);
  if (!open.length) return [];
  const picker: CodeAction[] = hasPicker
    ? [{ title: 'Suggest clauses…', kind: SUGGEST_KIND, command: { title: 'Suggest clauses…', command: SUGGEST_CLAUSES_COMMAND, arguments: [uri] } }]
    : [];
  if (!document.frontmatter?.data) return picker;
  return [...picker, ...open
    .slice(0, OFFERED)
    .flatMap((suggestion) => {
      const edit = addToListEdit(document, 'clauses', [suggestion.control.id]);
      if (!edit) return [];
      const reason = suggestion.reasons[0]?.text;
      return [{
        title: `Suggest clause ${suggestion.control.id} ${suggestion.control.title} (${suggestion.score.toFixed(2)}${reason ? `: ${reason}` : ''})`,
        kind: SUGGEST_KIND,
        edit: { changes: { [uri]: toLspEdits(entry.treeless, [edit]) } },
      }];
    })];
}

/** Rank (0 = best) and score of each suggested control, for ordering completion items. */
export function suggestionRanks(entry: SessionDocument): Map<string, { rank: number; score: number }> {
  return new Map(suggestionsFor(entry).map((suggestion, rank) => [suggestion.control.id, { rank, score: suggestion.score }]));
}
