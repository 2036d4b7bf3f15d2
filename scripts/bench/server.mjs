// The language server for the benchmarks (bench-lsp.mjs, bench/controlPlaces.mjs, bench/publishBytes.mjs): started over stdio on a
// folder, initialized, and awaited to the end of indexing.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import rpc from 'vscode-languageserver/node';

/**
 * The Node flags the server runs with: none, as the VS Code extension and `clausewise-language-server
 * --stdio` start it, or BENCH_NODE_FLAGS (space-separated) to try others.
 */
export const NODE_FLAGS = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);

/** The build the benchmarks start unless given another. */
export const DIST_SERVER = join(import.meta.dirname, '..', '..', 'dist', 'server.js');

/**
 * Starts a server (`server`: dist/server.js by default, another build to compare) over stdio with `dir` as
 * its workspace folder and sends initialize at once (debounce `debounce` ms; `notified(method, params)`, if
 * given, sees every notification from the start); resolves at the end of indexing with the connection, the
 * child process, the indexing wall time, `next` (the next notification of a method whose params match) and `stop`.
 */
export async function startServer(dir, { server = DIST_SERVER, debounce = 0, notified } = {}) {
  const start = performance.now();
  const child = spawn(process.execPath, [...NODE_FLAGS, server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const listeners = new Set();
  connection.onNotification((method, params) => {
    notified?.(method, params);
    listeners.forEach((listener) => listener(method, params));
  });
  let indexedAt;
  const indexed = new Promise((resolve) =>
    connection.onUnhandledProgress((params) => {
      if (params.value.kind === 'end' && indexedAt === undefined) resolve((indexedAt = performance.now()));
    }),
  );
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.listen();
  const uri = pathToFileURL(dir).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'bench' }],
    capabilities: { window: { workDoneProgress: true }, textDocument: { completion: { completionItem: { snippetSupport: true } } } },
    initializationOptions: { clausewise: { debounce } },
  });
  await connection.sendNotification('initialized', {});
  await indexed;
  const next = (method, matches) =>
    new Promise((resolve) => {
      const listener = (name, params) => {
        if (name === method && matches(params)) {
          listeners.delete(listener);
          resolve(params);
        }
      };
      listeners.add(listener);
    });
  const stop = async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    connection.dispose();
  };
  return { connection, child, indexing: indexedAt - start, next, stop };
}
