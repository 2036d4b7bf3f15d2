import { CodeActionKind, CodeActionTriggerKind, type CancellationToken, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import { orderedEdits, selectionAfter } from '../findings/applyFixes';
import { checkedFixRound, type CheckedRound } from '../findings/checkedFixes';
import { fixAllSummary } from '../findings/fixSummary';
import { disableNextLineEdit } from '../rules/suppressionEdit';
import type { Finding } from '../findings/types';
import { FIX_ALL_KIND } from '../protocol/customMessages';
import type { SessionDocument } from '../engine/session';
import type { ServerContext } from './context';
import type { ConfigDiagnosticData } from './configProblems';
import { toDiagnostic, toLspEdits, toOffset } from './conversion';
import { fixResultCommand, fixSelectCommand } from './fixResult';
import { MIGRATE_KIND, migrateAction } from './migrateAction';
import { SUGGEST_KIND, suggestClauseActions } from './suggestClauseActions';


/**
 * textDocument/codeAction: every fix of the findings in range and a comment that ignores each, fix-all, and clause
 * suggestions and migration to 2022 ids in the frontmatter. Asked right after the document opened, it waits for the
 * document's first check (see LiveWorkspace.checked) rather than answer from no findings.
 */
export async function codeActions(context: ServerContext, params: CodeActionParams, token: CancellationToken): Promise<CodeAction[] | null> {
  const uri = params.textDocument.uri;
  const asked = Date.now();
  const entry = await context.workspace.checked(uri, token);
  const trace = (answer: string) => logCodeActions(context, params, entry, Date.now() - asked, token.isCancellationRequested ? 'cancelled' : answer);
  if (token.isCancellationRequested) {
    trace('');
    return null;
  }
  if (!entry) {
    const fixes = configFixes(params);
    trace(`no analysis; ${fixes?.length ?? 0} config fixes`);
    return fixes;
  }
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
  const start = toOffset(entry.treeless, params.range.start);
  const end = toOffset(entry.treeless, params.range.end);
  const actions: CodeAction[] = [];
  // A closed document's fixes are rebuilt from its file when asked for (the Problems panel's quick fixes).
  const fixable = wants(CodeActionKind.QuickFix) || wants(FIX_ALL_KIND) ? context.workspace.session.findingsWithFixes(entry) : [];
  if (wants(CodeActionKind.QuickFix)) {
    const ignored = new Set<string>();
    for (const finding of fixable) {
      if (finding.range.start > end || finding.range.end < start) continue;
      const diagnostic = toDiagnostic(entry.treeless, finding, uri);
      for (const fix of finding.fixes) {
        const command = fixSelectCommand(uri, entry.treeless, fix);
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.automatic, edit: { changes: { [uri]: toLspEdits(entry.treeless, fix.edits) } }, ...(command ? { command } : {}) });
      }
      const ignore = entry.document && disableNextLineEdit(entry.document, finding.ruleId, finding.range.start);
      const key = `${finding.ruleId}@${ignore?.range.start}`;
      if (ignore && !ignored.has(key)) {
        ignored.add(key);
        actions.push({ title: `Ignore ${finding.ruleId} here (clausewise-disable-next-line comment)`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: toLspEdits(entry.treeless, [ignore]) } } });
      }
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const fixAll = fixAllAction(context, entry, fixable, uri, params.context.triggerKind !== CodeActionTriggerKind.Automatic);
    if (fixAll) actions.push(fixAll);
  }
  // In the frontmatter, or on the first line of a document without one (where frontmatter-missing points).
  const head = entry.document?.frontmatter?.range.end ?? (entry.document?.lineStarts[1] ?? entry.treeless.text.length);
  if (wants(SUGGEST_KIND) && (only || start < head)) actions.push(...suggestClauseActions(entry, uri, context.clientCommands));
  const migrate = wants(MIGRATE_KIND) && start < head ? migrateAction(entry, uri) : undefined;
  if (migrate) actions.push(migrate);
  trace(`${actions.length} actions`);
  return actions;
}

/** One line per request in the log (debug level): what was asked, which analysis answered, how long it waited. */
function logCodeActions(context: ServerContext, params: CodeActionParams, entry: SessionDocument | undefined, waited: number, answer: string): void {
  const { uri } = params.textDocument;
  const { start, end } = params.range;
  const path = context.workspace.pathOf(uri);
  const editor = context.workspace.editorVersion(uri);
  const checked = path && context.workspace.versionOf(path);
  // The range's offsets once, not twice per finding: VS Code asks at each cursor move.
  const [from, to] = entry ? [toOffset(entry.treeless, start), toOffset(entry.treeless, end)] : [0, -1];
  const inRange = (entry?.findings ?? []).filter((finding) => finding.range.start <= to && finding.range.end >= from).map((finding) => finding.ruleId);
  const trigger = params.context.triggerKind === CodeActionTriggerKind.Automatic ? 'automatic' : 'invoked';
  context.connection.console.debug(`codeAction ${uri} ${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} (${trigger}${params.context.only ? `, only ${params.context.only.join(' ')}` : ''}): editor v${editor ?? '-'}, findings of v${checked ?? 'disk'} (${entry ? `${entry.findings.length}, in range: ${inRange.join(' ') || 'none'}` : 'no analysis'}); waited ${waited} ms; ${answer}`);
}

/** In a config file: the rename a "did you mean" of its diagnostic names (config-invalid's fix rides with its edits in the diagnostic's data). */
function configFixes(params: CodeActionParams): CodeAction[] | null {
  const uri = params.textDocument.uri;
  const actions = params.context.diagnostics
    .filter((diagnostic) => diagnostic.source === 'clausewise' && diagnostic.code === 'config-invalid')
    .flatMap((diagnostic) => ((diagnostic.data as ConfigDiagnosticData | undefined)?.fixes ?? []).map((fix): CodeAction => ({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.automatic, edit: { changes: { [uri]: fix.edits } } })));
  return actions.length ? actions : null;
}

/** The checked fix-all of each analysis (its findings array is new each time), so moving the cursor does not check again. */
const fixAllRounds = new WeakMap<Finding[], CheckedRound>();

/**
 * Every automatic fix at once, with applyFixes' rule (a fix overlapping one already taken waits for
 * the next run), each checked as --fix checks it: one that would leave its finding or break the
 * frontmatter is left out.
 */
function fixAllAction(context: ServerContext, entry: SessionDocument, findings: Finding[], uri: string, invoked: boolean): CodeAction | undefined {
  let round = fixAllRounds.get(findings);
  if (!round) {
    const recheck = (text: string) => {
      const { summary, findings } = context.workspace.session.preview(entry.path, text);
      return { text, findings, isPolicy: summary.isPolicy };
    };
    round = checkedFixRound({ text: entry.treeless.text, findings, isPolicy: entry.analyzed.summary.isPolicy }, recheck);
    fixAllRounds.set(findings, round);
  }
  if (round.applied.length === 0) return undefined;
  const edits = orderedEdits(round.applied.flatMap(({ fix }) => fix.edits));
  // Asked for (not on save): say what was done and what is left, and select the first inserted TODO.
  const first = edits.map((edit) => round.applied.find(({ fix }) => fix.select && fix.edits[fix.select.edit] === edit)).find(Boolean);
  const command = invoked ? fixResultCommand(uri, round.text, first && selectionAfter(edits, first.fix), `Clausewise: ${fixAllSummary(round.applied, round.after?.findings ?? [], round.text)}.`) : undefined;
  return {
    title: 'Fix all Clausewise problems',
    kind: FIX_ALL_KIND,
    edit: { changes: { [uri]: toLspEdits(entry.treeless, edits) } },
    ...(command ? { command } : {}),
  };
}
