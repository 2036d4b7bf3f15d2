import { fork, type ChildProcess } from 'node:child_process';
import type { LogOutputChannel } from 'vscode';
import { IPCMessageReader, IPCMessageWriter, type MessageTransports } from 'vscode-languageclient/node';

/** The running server: its process and the IPC transports the language client talks over. */
export interface ServerProcess {
  child: ChildProcess;
  transports: MessageTransports;
  /** How the process ended ("exit code 1", "signal SIGKILL"); undefined while it runs. */
  ending(): string | undefined;
}

/** Forks the bundled server (`dist/server.js --node-ipc`) with the extension host's Node; its stderr goes to the output channel. */
export function forkServer(serverModule: string, output: LogOutputChannel): ServerProcess {
  const child = fork(serverModule, ['--node-ipc', `--clientProcessId=${process.pid}`], {
    // Not the extension host's own Node flags (an inspector port, Electron's): the server runs as `node dist/server.js` would.
    execArgv: [],
    silent: true,
    // Inside Electron (desktop VS Code) the extension host's executable is Electron: run it as Node.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  let ended: string | undefined;
  child.stderr?.on('data', (chunk: Buffer) => output.error(`[server stderr] ${chunk.toString().trimEnd()}`));
  child.on('exit', (code, signal) => (ended = signal ? `signal ${signal}` : `exit code ${code}`));
  child.on('error', (error) => output.error(`Clausewise could not start ${serverModule}: ${error.message}`));
  return {
    child,
    transports: { reader: new IPCMessageReader(child), writer: new IPCMessageWriter(child), detached: false },
    ending: () => ended,
  };
}

/** Ends the process if it outlived the shutdown request (the client already asked it to exit). */
export function killIfRunning(server: ServerProcess | undefined): void {
  if (server && server.child.exitCode === null && server.child.signalCode === null) server.child.kill();
}
