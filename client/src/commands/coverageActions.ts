import { CodeActionKind, commands, Range, Uri, window, workspace, type CodeAction } from 'vscode';
import type { ElementTarget } from '../views/coverageItems';
import { COVERAGE_FILTERS } from '../views/coverageFilter';
import type { CoverageTree } from '../views/coverageTree';
import { COMMANDS } from './ids';
import { controlIdOf } from './pickControl';
import { markdownEditorUri } from './serverEdit';

/** "Claim in Open Document": adds the control to `clauses` of the Markdown document in the editor (Suggest Clauses' edit). */
export function claimInOpenDocument() {
  return async (target?: unknown): Promise<boolean> => {
    const id = controlIdOf(target);
    const uri = markdownEditorUri();
    if (!id) return false;
    if (!uri) {
      void window.showInformationMessage(`Clausewise: open the policy document that should claim ${id}, then run "Claim in Open Document" again.`);
      return false;
    }
    return (await commands.executeCommand<boolean>(COMMANDS.suggestClauses, uri, [id])) ?? false;
  };
}

/** "New Document from Skeleton": a new policy document for the control: frontmatter claiming it, one section per expected element. */
export function newDocumentForControl() {
  return async (target?: unknown): Promise<void> => {
    const id = controlIdOf(target);
    if (id) await commands.executeCommand(COMMANDS.insertPolicySkeleton, [id]);
  };
}

/** "Filter Coverage…": gaps, partial, overdue reviews, excluded, essential only (several at once); none shows every control. */
export function filterCoverage(tree: CoverageTree) {
  return async (given?: unknown): Promise<void> => {
    if (Array.isArray(given)) return tree.setFilter(COVERAGE_FILTERS.map((entry) => entry.value).filter((value) => given.includes(value)));
    const current = new Set(tree.filters());
    const picked = await window.showQuickPick(
      COVERAGE_FILTERS.map((entry) => ({ ...entry, description: entry.detail, detail: undefined, picked: current.has(entry.value) })),
      { canPickMany: true, title: 'Show only these controls in the Coverage view', placeHolder: 'Pick none to show every control' },
    );
    if (picked) await tree.setFilter(picked.map((entry) => entry.value));
  };
}

/**
 * "Insert Section" on an element a document lacks: opens the document and applies the server's own
 * quick fix for that element (the one whose title names it), so the section lands where the server
 * puts it. Says so when the server offers none (the rule may be off). Returns whether it inserted.
 */
export function insertElement() {
  return async (target: ElementTarget): Promise<boolean> => {
    const document = await workspace.openTextDocument(Uri.file(target.path));
    await window.showTextDocument(document, { preview: false });
    const whole = new Range(0, 0, document.lineCount, 0);
    const actions = (await commands.executeCommand<CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, CodeActionKind.QuickFix.value)) ?? [];
    const named = `"${target.title}"`;
    const fix = actions.find((action) => action.edit && action.title.includes(named) && action.title.includes(target.controlId));
    if (!fix?.edit || !(await workspace.applyEdit(fix.edit))) {
      void window.showWarningMessage(`Clausewise: no fix inserts ${named} for ${target.controlId} in ${document.fileName} now (the document may already address it, or the missing-element rule is off); add a "## ${target.title}" section yourself.`);
      return false;
    }
    return true;
  };
}
