import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { poolThreadCount, threadSettingProblem } from '../engine/workerPool';

/**
 * An invalid CLAUSEWISE_THREADS, which the CLI refuses (exit 2): the server says so in its log and
 * once as a window message, and checks with the default number of threads; it does not stop.
 */
export function warnOfThreadSetting(connection: Connection): void {
  const problem = threadSettingProblem();
  if (!problem) return;
  const threads = poolThreadCount();
  const message = `Clausewise: ${problem}. Until then the language server uses the default, ${threads} checking thread${threads === 1 ? '' : 's'} on this machine.`;
  connection.console.warn(message);
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
}
