import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type ClientCapabilities, type Connection } from 'vscode-languageserver';
import type { Settings } from './settings';
import type { LiveWorkspace } from './workspace';

/** What every feature may use: the connection, the live workspace, the settings and what the client supports. */
export interface ServerContext {
  connection: Connection;
  workspace: LiveWorkspace;
  settings: Settings;
  capabilities: ClientCapabilities;
  /** Commands the client said it runs (initializationOptions.clientCommands), which code actions may invoke. */
  clientCommands: ReadonlySet<string>;
  /** The client sent shutdown: from then on every request is answered InvalidRequest, as LSP requires. */
  shutDown?: boolean;
}

/** Throws the LSP "request cancelled" error when the client cancelled; call after each await. */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'the request was cancelled');
}

/** Waits for the workspace to be indexed (workspace-wide answers need every document), then checks for cancellation. */
export async function afterIndexing(context: ServerContext, token: CancellationToken | undefined): Promise<void> {
  throwIfCancelled(token);
  await context.workspace.whenIndexed();
  throwIfCancelled(token);
}

/**
 * Wraps a request handler: a failure is logged to the client's console and answered with
 * `fallback`, so one broken feature never takes the server down. Cancellation passes through.
 */
export function guarded<P, R>(context: () => ServerContext, name: string, fallback: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
  return logged(context, name, handler, () => fallback);
}

/** Wraps a request handler whose failure must reach the client as an error: it is logged, then answered as InternalError. */
export function reported<P, R>(context: () => ServerContext, name: string, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
  return logged(context, name, handler, (error): R => {
    throw new ResponseError(ErrorCodes.InternalError, `Clausewise ${name} failed: ${error.message ?? String(error)} (the Clausewise output log has the details; please report this as a bug, with them)`);
  });
}

function logged<P, R>(context: () => ServerContext, name: string, handler: (params: P, token: CancellationToken) => R | Promise<R>, answer: (error: Error) => R) {
  return async (params: P, token: CancellationToken): Promise<R> => {
    try {
      if (context().shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, `the server is shutting down (the client sent shutdown) and answers no ${name} request; start a new server`);
      context().workspace.activity.touch();
      return await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      context().connection.console.error(`Clausewise ${name} failed: ${(error as Error).stack ?? String(error)}`);
      return answer(error as Error);
    }
  };
}
