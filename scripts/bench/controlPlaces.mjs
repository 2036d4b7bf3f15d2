// Where Could This Go? on the 2,000-document benchmark corpus (scripts/bench/corpus.mjs): starts the
// language server (dist/server.js, or the one given as the first argument, to compare builds), waits for
// the end of indexing, then asks `clausewise/controlPlaces` for a few controls. Prints the server's RSS
// and CPU time after indexing, and each request's wall time and the server's CPU time during it
// (user + sys from /proc, which the machine's load disturbs less than the wall clock). A measurement,
// not a test. Usage: [BENCH_CONTROLS=12.3.1,9.4.3] node scripts/bench/controlPlaces.mjs [path/to/server.js]
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import rpc from 'vscode-languageserver/node';
import { buildCorpus } from './corpus.mjs';
import { cpuMilliseconds, rssMegabytes } from './proc.mjs';

const server = resolve(process.argv[2] ?? join(import.meta.dirname, '..', '..', 'dist', 'server.js'));
const CONTROLS = (process.env.BENCH_CONTROLS ?? '12.3.1,9.4.3,11.2.9,16.1.1,18.1.4').split(',');

const dir = join(buildCorpus()[0], '..');

const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
const indexed = new Promise((done) => connection.onUnhandledProgress((params) => params.value.kind === 'end' && done()));
connection.onRequest('window/workDoneProgress/create', () => null);
connection.onRequest('client/registerCapability', () => null);
connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
connection.onNotification(() => undefined);
connection.listen();
const uri = pathToFileURL(dir).href;
const started = performance.now();
await connection.sendRequest('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'bench' }], capabilities: { window: { workDoneProgress: true } } });
await connection.sendNotification('initialized', {});
await indexed;
console.log(`${server}\nindexing: wall ${((performance.now() - started) / 1000).toFixed(1)} s, server CPU ${(cpuMilliseconds(child.pid) / 1000).toFixed(1)} s, RSS after ${rssMegabytes(child.pid).toFixed(0)} MB`);
for (const id of CONTROLS) {
  const cpu = cpuMilliseconds(child.pid);
  const start = performance.now();
  const result = await connection.sendRequest('clausewise/controlPlaces', { uri, id });
  console.log(`controlPlaces ${id}: wall ${(performance.now() - start).toFixed(0)} ms, server CPU ${(cpuMilliseconds(child.pid) - cpu).toFixed(0)} ms, best ${result.places[0]?.documentId} ${result.places[0]?.score.toFixed(3)}`);
}
console.log(`RSS after the requests ${rssMegabytes(child.pid).toFixed(0)} MB`);
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
connection.dispose();
