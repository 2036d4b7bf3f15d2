import type { LogOutputChannel } from 'vscode';
import {
  CloseAction, ErrorAction, LanguageClient, RevealOutputChannelOn,
  type CloseHandlerResult, type ErrorHandler, type LanguageClientOptions, type MessageTransports,
} from 'vscode-languageclient/node';
import { COMMANDS } from './commands/ids';
import type { ServerSettings } from './settings';

/** How many unexpected stops within RESTART_WINDOW_MS are restarted before the client gives up. */
export const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60_000;

/** What the client needs from its owner: the server process, the settings, and where to say what happened. */
interface ClientHost {
  output: LogOutputChannel;
  spawn(): MessageTransports;
  settings(): ServerSettings;
  /** The server stopped unexpectedly (`restarts` times recently): `restarting` says whether the client starts it again. */
  crashed(restarting: boolean, restarts: number): Promise<void>;
  startFailed(reason: string): void;
}

/** The Clausewise language client: Markdown files, the sanitised `clausewise` settings, and restart-on-crash. */
export function createLanguageClient(host: ClientHost): LanguageClient {
  const options: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
    diagnosticCollectionName: 'clausewise',
    outputChannel: host.output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // clientCommands: the server's "Suggest clauses…" code action and its code lens run the extension's pickers; the clause hover links to the control page.
    // documentSymbols: false keeps the Outline and breadcrumbs to Markdown's own headings (a second provider splits them).
    initializationOptions: { clausewise: host.settings(), clientCommands: [COMMANDS.suggestClauses, COMMANDS.showMissingElements, COMMANDS.showControl], documentSymbols: false },
    // Hovers may run this one command (the clause hover's "Open the control page" link), no other.
    markdown: { isTrusted: { enabledCommands: [COMMANDS.showControl] } },
    errorHandler: crashHandler(host),
    initializationFailedHandler: (error) => {
      host.startFailed(`the language server failed to initialise: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    },
    middleware: {
      workspace: {
        // The server pulls `clausewise`: answer with the checked settings, never the raw workspace values.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return params.items.map((item, index) => (item.section === 'clausewise' ? host.settings() : answers[index]));
        },
      },
    },
  };
  return new LanguageClient('clausewise', 'Clausewise', async () => host.spawn(), options);
}

function crashHandler(host: ClientHost): ErrorHandler {
  const stops: number[] = [];
  return {
    // Write errors come in bursts when the process has died (every pending message fails); shutting down on
    // them would pre-empt the restart below, so the decision is left to `closed`, which counts real stops.
    error: () => ({ action: ErrorAction.Continue, handled: true }),
    closed: async (): Promise<CloseHandlerResult> => {
      const now = Date.now();
      stops.push(now);
      while (stops.length && now - stops[0]! > RESTART_WINDOW_MS) stops.shift();
      const restarting = stops.length <= MAX_RESTARTS;
      await host.crashed(restarting, stops.length);
      return { action: restarting ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
    },
  };
}
