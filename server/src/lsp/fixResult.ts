import { computeLineStarts } from '../document/lines';
import { MessageType, ShowMessageNotification, type Command, type Range as LspRange } from 'vscode-languageserver';
import type { ServerContext } from './context';
import { toLspRange } from './conversion';

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

/** workspace/executeCommand of SHOW_FIX_RESULT: moves the cursor (window/showDocument, when the client has it) and shows the message. */
export async function showFixResult({ connection, capabilities }: ServerContext, result: FixResult | undefined): Promise<void> {
  if (typeof result?.uri !== 'string') return;
  if (result.message) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: result.message });
  if (result.selection && capabilities.window?.showDocument?.support) await connection.window.showDocument({ uri: result.uri, selection: result.selection, takeFocus: true });
}
