import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import { elementsFor } from '../config/elements';
import type { PolicyDocument } from '../document/types';
import { addToListEdit } from '../rules/clauseListEdit';
import { suggestClauses } from '../suggest/rank';
import type { ClauseSuggestion } from '../suggest/types';
import type { WorkspaceDocument } from '../workspace/policyWorkspace';
import { toLspEdits } from './conversion';

/** The kind of the "add a suggested clause" actions (a refactoring: it changes what the document claims). */
export const SUGGEST_KIND = `${CodeActionKind.Refactor}.clausewise.suggestClauses`;

/** Below this many claimed controls, a document is offered suggestions. */
const FEW_CLAUSES = 3;
const OFFERED = 5;

/** Suggestions are computed once per parse of a document (10–30 ms for a long one). */
const cache = new WeakMap<PolicyDocument, ClauseSuggestion[]>();

/** The ranked suggestions for an open document, with the config's elements. */
export function suggestionsFor(entry: WorkspaceDocument): ClauseSuggestion[] {
  const document = entry.document;
  if (!document) return [];
  let suggestions = cache.get(document);
  if (!suggestions) {
    suggestions = suggestClauses(document, entry.set.catalog, { elementsOf: (control) => elementsFor(control, entry.set.config) });
    cache.set(document, suggestions);
  }
  return suggestions;
}

/** The client command that lists the suggestions with their reasons and adds the ones picked (the VS Code extension has it). */
export const SUGGEST_COMMAND = 'clausewise.suggestClauses';

/**
 * "Suggest clauses": on a document that claims few controls, or a policy with no frontmatter yet, one
 * "Suggest clauses…" action running the client's picker when the client has one; and, in the
 * frontmatter, one action per top suggestion not yet claimed, titled with its score and first
 * reason, adding the id to `clauses`.
 */
export function suggestClauseActions(entry: WorkspaceDocument, uri: string, clientCommands: ReadonlySet<string>): CodeAction[] {
  const document = entry.document;
  if (!document || entry.analyzed.summary.clauses.length >= FEW_CLAUSES) return [];
  // An untagged file is offered only when the config names it a policy (a README is not one); the command works anywhere.
  if (!document.frontmatter && !entry.analyzed.summary.isPolicy) return [];
  const open = suggestionsFor(entry).filter((suggestion) => !suggestion.claimed);
  if (!open.length) return [];
  const picker: CodeAction[] = clientCommands.has(SUGGEST_COMMAND)
    ? [{ title: 'Suggest clauses…', kind: SUGGEST_KIND, command: { title: 'Suggest clauses…', command: SUGGEST_COMMAND, arguments: [uri] } }]
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
        edit: { changes: { [uri]: toLspEdits(entry.shell, [edit]) } },
      }];
    })];
}

/** Rank of each suggested control (0 = best) for ordering completion items. */
export function suggestionRanks(entry: WorkspaceDocument): Map<string, ClauseSuggestion & { rank: number }> {
  return new Map(suggestionsFor(entry).map((suggestion, rank) => [suggestion.control.id, { ...suggestion, rank }]));
}
