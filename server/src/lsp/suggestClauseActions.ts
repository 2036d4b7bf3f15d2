import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import { SUGGEST_CLAUSES_COMMAND } from '../protocol/customMessages';
import { addToListEdit } from '../rules/clauseListEdit';
import type { SessionDocument } from '../engine/session';
import { toLspEdits } from './conversion';
import { suggestionsFor } from './suggestedClauses';

/** The kind of the "add a suggested clause" actions (a refactoring: it changes what the document claims). */
export const SUGGEST_KIND = `${CodeActionKind.Refactor}.clausewise.suggestClauses`;

/** Below this many claimed controls, a document is offered suggestions. */
const FEW_CLAUSES = 3;
const OFFERED = 5;

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
