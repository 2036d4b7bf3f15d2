import { window } from 'vscode';
import type { Ctx } from '../ctx';

/** Stops and disposes the language client, then starts a new one; returns the new server's process id. */
export function restartServer(ctx: Ctx) {
  return async (): Promise<number | undefined> => {
    await ctx.restart();
    window.setStatusBarMessage('$(check) Clausewise language server restarted', 3000);
    return ctx.serverPid();
  };
}

/** Shows the "Clausewise" output channel. */
export function showOutput(ctx: Ctx) {
  return (): void => ctx.output.show();
}
