// Where Could This Go? on the 2,000-document benchmark corpus (scripts/bench/corpus.mjs): starts the
// language server (dist/server.js, or the one given as the first argument, to compare builds), waits for
// the end of indexing, then asks `clausewise/controlPlaces` for a few controls. Prints the server's RSS
// and CPU time after indexing, and each request's wall time and the server's CPU time during it
// (user + sys from /proc, which the machine's load disturbs less than the wall clock). A measurement,
// not a test. Usage: [BENCH_CONTROLS=12.3.1,9.4.3] node scripts/bench/controlPlaces.mjs [path/to/server.js]
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { buildCorpus } from './corpus.mjs';
import { cpuMilliseconds, rssMegabytes } from './proc.mjs';
import { DIST_SERVER, startServer } from './server.mjs';

const server = resolve(process.argv[2] ?? DIST_SERVER);
const CONTROLS = (process.env.BENCH_CONTROLS ?? '12.3.1,9.4.3,11.2.9,16.1.1,18.1.4').split(',');

const dir = join(buildCorpus()[0], '..');

const uri = pathToFileURL(dir).href;
const { connection, child, indexing, stop } = await startServer(dir, { server });
console.log(`${server}\nindexing: wall ${(indexing / 1000).toFixed(1)} s, server CPU ${(cpuMilliseconds(child.pid) / 1000).toFixed(1)} s, RSS after ${rssMegabytes(child.pid).toFixed(0)} MB`);
for (const id of CONTROLS) {
  const cpu = cpuMilliseconds(child.pid);
  const start = performance.now();
  const result = await connection.sendRequest('clausewise/controlPlaces', { uri, id });
  console.log(`controlPlaces ${id}: wall ${(performance.now() - start).toFixed(0)} ms, server CPU ${(cpuMilliseconds(child.pid) - cpu).toFixed(0)} ms, best ${result.places[0]?.documentId} ${result.places[0]?.score.toFixed(3)}`);
}
console.log(`RSS after the requests ${rssMegabytes(child.pid).toFixed(0)} MB`);
await stop();
