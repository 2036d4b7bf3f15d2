import { computeLineStarts, positionAt } from '../document/lines';
import { MessageType, ShowMessageNotification, type Command, type Position, type Range as LspRange } from 'vscode-languageserver';
import { applyFixes, orderedEdits, selectionAfter } from '../findings/applyFixes';
import type { Fix, TextEdit } from '../findings/types';
import type { ServerContext } from './context';
import { toLspRange, type LineMap } from './conversion';

/** The server command a code action runs after its edit: select the inserted TODO and say what was done. */
export const SHOW_FIX_RESULT = 'clausewise.showFixResult';

interface FixResult {
  uri: string;
  selection?: LspRange;
  message?: string;
}

/** The command for an applied fix: `select` are offsets in `text`, the text after the fix. */
export function fixResultCommand(uri: string, text: string, select: { start: number; end: number } | undefined, message?: string): Command | undefined {
  if (!select && !message) return undefined;
  const result: FixResult = { uri, ...(select ? { selection: toLspRange({ text, lineStarts: computeLineStarts(text) }, select) } : {}), ...(message ? { message } : {}) };
  return { title: 'Show what the fix did', command: SHOW_FIX_RESULT, arguments: [result] };
}

/**
 * The command of one quick fix with `select`: selects what the fix inserts, in the text the fix leaves.
 * Built for every such fix in range on each code-action request (at each cursor move), so it reads the
 * position from the text before the fix and the fix's few edits, without writing the text after it and
 * its line starts; only a text or an edit with a "\r" (or edits that overlap) builds that text, as before.
 */
export function fixSelectCommand(uri: string, lines: LineMap, fix: Fix): Command | undefined {
  if (!fix.select) return undefined;
  const edits = orderedEdits(fix.edits);
  const select = selectionAfter(edits, fix);
  if (!select) return undefined;
  const start = positionAfterEdits(lines, edits, select.start);
  const end = start && positionAfterEdits(lines, edits, select.end);
  if (!start || !end) return fixResultCommand(uri, applyFixes(lines.text, [fix]).text, select);
  const result: FixResult = { uri, selection: { start, end } };
  return { title: 'Show what the fix did', command: SHOW_FIX_RESULT, arguments: [result] };
}

/** Whether a text has a "\r", read once per document version (its line starts). */
const returns = new WeakMap<number[], boolean>();
function hasReturn(lines: LineMap): boolean {
  let found = returns.get(lines.lineStarts);
  if (found === undefined) returns.set(lines.lineStarts, (found = lines.text.includes('\r')));
  return found;
}

/**
 * The position of `offset` in the text `edits` (in applying order) leave, read from the text before them:
 * undefined when the text or an edit holds a "\r" (a "\r\n" split across an edit would count apart) or two
 * edits overlap, where the caller builds the text after them instead.
 */
export function positionAfterEdits(lines: LineMap, edits: TextEdit[], offset: number): Position | undefined {
  if (hasReturn(lines) || edits.some((edit) => edit.newText.includes('\r'))) return undefined;
  const lineOf = (at: number) => positionAt(lines.lineStarts, at).line;
  let before = 0; // how far the text before the edits is read
  let after = 0; // the same place in the text after them
  let line = 0;
  let lineStart = 0; // where the current line starts in the text after them
  const readBefore = (to: number) => {
    const breaks = lineOf(to) - lineOf(before);
    if (breaks > 0) {
      line += breaks;
      lineStart = after + (lines.lineStarts[lineOf(to)]! - before);
    }
    after += to - before;
    before = to;
  };
  const readInserted = (text: string) => {
    const last = text.lastIndexOf('\n');
    if (last >= 0) {
      line += text.split('\n').length - 1;
      lineStart = after + last + 1;
    }
    after += text.length;
  };
  for (const edit of edits) {
    if (edit.range.start < before) return undefined;
    if (offset <= after + (edit.range.start - before)) break;
    readBefore(edit.range.start);
    if (offset <= after + edit.newText.length) {
      readInserted(edit.newText.slice(0, offset - after));
      return { line, character: offset - lineStart };
    }
    readInserted(edit.newText);
    before = edit.range.end;
  }
  readBefore(before + (offset - after));
  return { line, character: offset - lineStart };
}

/** workspace/executeCommand of SHOW_FIX_RESULT: moves the cursor (window/showDocument, when the client has it) and shows the message. */
export async function showFixResult({ connection, capabilities }: ServerContext, result: FixResult | undefined): Promise<void> {
  if (typeof result?.uri !== 'string') return;
  if (result.message) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: result.message });
  if (result.selection && capabilities.window?.showDocument?.support) await connection.window.showDocument({ uri: result.uri, selection: result.selection, takeFocus: true });
}
