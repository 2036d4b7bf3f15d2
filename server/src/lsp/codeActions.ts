import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import { orderedEdits } from '../findings/applyFixes';
import { checkedFixRound, type CheckedRound } from '../findings/checkedFixes';
import type { Finding } from '../findings/types';
import { FIX_ALL_KIND } from '../protocol/customMessages';
import type { WorkspaceDocument } from '../workspace/policyWorkspace';
import type { ServerContext } from './context';
import { toDiagnostic, toLspEdits, toOffset } from './conversion';
import { SUGGEST_KIND, suggestClauseActions } from './suggestions';


/** textDocument/codeAction: every fix of the findings in range, fix-all, and clause suggestions in the frontmatter. */
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
      const diagnostic = toDiagnostic(entry.shell, finding, uri);
      for (const fix of finding.fixes) {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.automatic, edit: { changes: { [uri]: toLspEdits(entry.shell, fix.edits) } } });
      }
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const fixAll = fixAllAction(context, entry, uri);
    if (fixAll) actions.push(fixAll);
  }
  // In the frontmatter, or on the first line of a document without one (where frontmatter-missing points).
  const head = entry.document?.frontmatter?.range.end ?? (entry.document?.lineStarts[1] ?? entry.shell.text.length);
  if (wants(SUGGEST_KIND) && (only || start < head)) actions.push(...suggestClauseActions(entry, uri, context.clientCommands));
  return actions;
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
