// node scripts/bench/publishBytes.mjs <server.js> [documents]: the workspace's diagnostics after indexing.
// Starts a server build (dist/server.js, or another build to compare) on the bench corpus (2,000 documents,
// or as many made by the same generator scaled, as bench-lsp.mjs does), sends nothing after initialized,
// counts every textDocument/publishDiagnostics message and its JSON bytes (the body as written, UTF-8, without
// the header), and reads the server's CPU (user+sys, all threads, /proc) and RSS at the end of indexing and
// once no diagnostics have come for 5 s. Prints one JSON line; a measurement, not a test.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus } from './corpus.mjs';
import { cpuMilliseconds, rssMegabytes } from './proc.mjs';
import { DIST_SERVER, startServer } from './server.mjs';

const server = process.argv[2] ?? DIST_SERVER;
const size = Number(process.argv[3] ?? 2000);
const files = size === 2000 ? buildCorpus() : buildCorpus(join(tmpdir(), `clausewise-bench-corpus-${size}`), size, Math.round((size / 2000) * 7 * 1024 * 1024));
const dir = join(files[0], '..');
let bytes = 0, messages = 0, last = Date.now();
const notified = (method, params) => {
  if (method !== 'textDocument/publishDiagnostics') return;
  bytes += Buffer.byteLength(JSON.stringify({ jsonrpc: '2.0', method, params }));
  messages++;
  last = Date.now();
};
const { child, stop } = await startServer(dir, { server, notified });
const indexed = { cpu: cpuMilliseconds(child.pid), rss: rssMegabytes(child.pid) };
last = Date.now();
while (Date.now() - last < 5000) await new Promise((r) => setTimeout(r, 250));
const end = { cpu: cpuMilliseconds(child.pid), rss: rssMegabytes(child.pid) };
console.log(JSON.stringify({ server, documents: files.length, messages, mb: +(bytes / 1048576).toFixed(2), indexingCpuS: indexed.cpu / 1000, totalCpuS: end.cpu / 1000, publishCpuS: +((end.cpu - indexed.cpu) / 1000).toFixed(2), rssIndexed: Math.round(indexed.rss), rssEnd: Math.round(end.rss) }));
await stop();
