import { elementIds } from '../workspace/summary';
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import { elementsFor } from '../config/elements';
import { targetAt } from '../document/targetAt';
import { orderedEdits } from '../findings/applyFixes';
import { checkedFixRound, type CheckedRound } from '../findings/checkedFixes';
import type { Finding } from '../findings/types';
import { FIX_ALL_KIND } from '../protocol/customMessages';
import { insertSectionsEdit } from '../rules/missingElement';
import type { WorkspaceDocument } from '../workspace/policyWorkspace';
import type { ServerContext } from './context';
import { toDiagnostic, toLspEdits, toOffset } from './conversion';
import { MIGRATE_KIND, migrateAction } from './migrateAction';
import { SUGGEST_KIND, suggestClauseActions } from './suggestions';


/** textDocument/codeAction: every fix of the findings in range, "insert all missing sections", fix-all, and clause suggestions and migration to 2022 ids in the frontmatter. */
export async function codeActions(context: ServerContext, params: CodeActionParams): Promise<CodeAction[] | null> {
  const uri = params.textDocument.uri;
  const entry = await context.workspace.current(uri);
  if (!entry) return null;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
  const start = toOffset(entry.shell, params.range.start);
  const end = toOffset(entry.shell, params.range.end);
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const finding of entry.findings) {
      if (finding.range.start > end || finding.range.end < start) continue;
      const diagnostic = toDiagnostic(entry.shell, finding);
      for (const fix of finding.fixes) {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.automatic, edit: { changes: { [uri]: toLspEdits(entry.shell, fix.edits) } } });
      }
    }
    const insertAll = insertAllMissing(entry, start, uri);
    if (insertAll) actions.push(insertAll);
  }
  if (wants(FIX_ALL_KIND)) {
    const fixAll = fixAllAction(context, entry, uri);
    if (fixAll) actions.push(fixAll);
  }
  // In the frontmatter, or on the first line of a document without one (where frontmatter-missing points).
  const head = entry.document?.frontmatter?.range.end ?? (entry.document?.lineStarts[1] ?? entry.shell.text.length);
  if (wants(SUGGEST_KIND) && (only || start < head)) actions.push(...suggestClauseActions(entry, uri, context.clientCommands));
  const migrate = wants(MIGRATE_KIND) && start < head ? migrateAction(entry, uri) : undefined;
  if (migrate) actions.push(migrate);
  return actions;
}

/** "Insert all missing sections for 9.4.2" when the cursor is on a claimed control with missing elements. */
function insertAllMissing(entry: WorkspaceDocument, offset: number, uri: string): CodeAction | undefined {
  if (!entry.document) return undefined;
  const target = targetAt(entry.document, offset);
  if (target?.kind !== 'clause' || target.place !== 'clauses') return undefined;
  const control = entry.set.catalog.control(target.source);
  const missing = control && elementIds(entry.analyzed.summary.elements[control.id], 'missing');
  if (!control || !missing?.length) return undefined;
  const elements = elementsFor(control, entry.set.config).filter((element) => missing.includes(element.id));
  const edit = insertSectionsEdit(entry.document, control, elements);
  if (!edit) return undefined;
  const related = entry.findings.filter((finding: Finding) => finding.ruleId === 'missing-element' && finding.clause === control.id);
  return {
    title: `Insert all missing sections for ${control.id}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: related.map((finding) => toDiagnostic(entry.shell, finding)),
    edit: { changes: { [uri]: toLspEdits(entry.shell, [edit]) } },
  };
}

/** The checked fix-all of each analysis (its findings array is new each time), so moving the cursor does not check again. */
const fixAllRounds = new WeakMap<Finding[], CheckedRound>();

/**
 * Every automatic fix at once, with applyFixes' rule (a fix overlapping one already taken waits for
 * the next run), each checked as --fix checks it: one that would leave its finding or break the
 * frontmatter is left out.
 */
function fixAllAction(context: ServerContext, entry: WorkspaceDocument, uri: string): CodeAction | undefined {
  let round = fixAllRounds.get(entry.findings);
  if (!round) {
    const recheck = (text: string) => {
      const { summary, findings } = context.workspace.core.preview(entry.path, text);
      return { text, findings, isPolicy: summary.isPolicy };
    };
    round = checkedFixRound({ text: entry.shell.text, findings: entry.findings, isPolicy: entry.analyzed.summary.isPolicy }, recheck);
    fixAllRounds.set(entry.findings, round);
  }
  if (round.applied.length === 0) return undefined;
  return {
    title: 'Fix all Clausewise problems',
    kind: FIX_ALL_KIND,
    edit: { changes: { [uri]: toLspEdits(entry.shell, orderedEdits(round.applied.flatMap(({ fix }) => fix.edits))) } },
  };
}
