// npm run bench:lsp — the language server on the 2,000-document benchmark corpus (scripts/bench/corpus.mjs):
// initialize → end of indexing vs the single-thread parse floor, didChange → publishDiagnostics latency on a
// 30 KB document (debounce 0), hover and completion latency, and the server's RSS after indexing.
// Prints medians and percentiles with their targets; a measurement, not a test (it never fails on a number).
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import rpc from 'vscode-languageserver/node';
import { LineCounter, parseDocument } from 'yaml';
import { buildCorpus, sourceTexts } from './bench/corpus.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 3;
const EDITS = 100;
const QUERIES = 200;

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const median = (values) => percentile(values, 50);
const ms = (value) => `${value.toFixed(1)} ms`;

/** The floor: a fresh Node process that reads and parses every file (remark + yaml) on one thread. */
function floorRun(dir) {
  const start = performance.now();
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'bench', 'floor.mjs'), dir], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`floor.mjs failed: ${result.stderr}`);
  return performance.now() - start;
}

/** Starts dist/server.js over stdio and sends initialize at once; resolves at the end of indexing. */
async function startServer(dir, debounce = 0) {
  const start = performance.now();
  const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const listeners = new Set();
  connection.onNotification((method, params) => listeners.forEach((listener) => listener(method, params)));
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

function rssMegabytes(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

/** A ~30 KB policy document from the same real texts, claiming controls whose elements it partly addresses. */
function thirtyKilobyteDocument() {
  const texts = sourceTexts();
  let body = '';
  for (let i = 0; body.length < 30 * 1024; i++) body += `${texts[(i * 7) % texts.length]}\n\n`;
  body = body.slice(0, body.lastIndexOf('\n\n', 30 * 1024));
  return [
    '---', 'id: BENCH-30K', 'title: Thirty Kilobyte Policy', 'type: policy', 'owner: CISO', 'status: approved', 'version: 1.0.0',
    'approved-by: Board', 'effective: 2026-01-15', 'last-reviewed: 2026-03-01', 'clauses: [9.4.2, 12.3.1, 5.1.1, 16.1.1]', 'related: [BENCH-0001]', '---',
    '# Thirty Kilobyte Policy', '', '## Session time-out', '', 'Idle sessions lock after 15 minutes.', '', body, '',
  ].join('\n');
}

/** Parse time of one document: remark + yaml, as the floor measures it, median of 30 after warm-up. */
function ownParseTime(text) {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
  const once = () => {
    const start = performance.now();
    const tree = processor.parse(text);
    parseDocument(tree.children[0]?.type === 'yaml' ? tree.children[0].value : '', { lineCounter: new LineCounter() });
    return performance.now() - start;
  };
  for (let i = 0; i < 10; i++) once();
  return median(Array.from({ length: 30 }, once));
}

async function main() {
  if (spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' }).status !== 0) process.exit(1);
  const files = buildCorpus();
  const dir = join(files[0], '..');
  const bytes = files.reduce((sum, file) => sum + readFileSync(file).length, 0);
  console.log(`corpus: ${files.length} documents, ${(bytes / 1048576).toFixed(1)} MB in ${dir}`);

  // Floor and server runs alternate, so a busy machine weighs on both alike.
  const floors = [];
  const indexings = [];
  let rss = 0;
  for (let run = 0; run < RUNS; run++) {
    floors.push(floorRun(dir));
    const server = await startServer(dir);
    indexings.push(server.indexing);
    rss = Math.max(rss, rssMegabytes(server.child.pid));
    if (run < RUNS - 1) await server.stop();
    else await interactive(server, dir);
  }
  const floor = median(floors);
  const indexing = median(indexings);
  console.log(`parse floor (fresh process: read + remark + yaml, 1 thread): median ${ms(floor)} of ${floors.map(ms).join(', ')}`);
  console.log(`initialize → end of indexing: median ${ms(indexing)} of ${indexings.map(ms).join(', ')}; ${(indexing / floor).toFixed(2)}× the floor (target ≤ 1.2×)`);
  console.log(`server RSS after indexing: ${rss.toFixed(0)} MB (target ≤ 400 MB)`);
}

async function interactive(server, dir) {
  const { connection, next } = server;
  const text = thirtyKilobyteDocument();
  const uri = pathToFileURL(join(dir, 'bench-30k.md')).href;
  const published = (params) => params.uri === uri;
  const first = next('textDocument/publishDiagnostics', published);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await first;
  // Each edit toggles a claimed id between a control and a typo, so every edit changes the findings.
  const line = text.split('\n').findIndex((candidate) => candidate.startsWith('clauses:'));
  const character = 'clauses: [9.4.'.length;
  const latencies = [];
  for (let edit = 0; edit < EDITS; edit++) {
    const arrived = next('textDocument/publishDiagnostics', published);
    const start = performance.now();
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: edit + 2 },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: edit % 2 === 0 ? '7' : '2' }],
    });
    await arrived;
    latencies.push(performance.now() - start);
  }
  const parse = ownParseTime(text);
  const p95 = percentile(latencies, 95);
  console.log(`didChange → publishDiagnostics on a ${(text.length / 1024).toFixed(0)} KB document (debounce 0, ${EDITS} edits): p50 ${ms(median(latencies))}, p95 ${ms(p95)} (target ≤ 50 ms); its own parse ${ms(parse)}, p95 ${(p95 / parse).toFixed(2)}× (target ≤ 1.5×)`);

  const timed = async (method, params) => {
    const times = [];
    for (let i = 0; i < QUERIES; i++) {
      const start = performance.now();
      const result = await connection.sendRequest(method, params);
      if (!result) throw new Error(`${method} answered nothing`);
      times.push(performance.now() - start);
    }
    return times;
  };
  const hover = await timed('textDocument/hover', { textDocument: { uri }, position: { line, character: 'clauses: [9.4.2, 12.3'.length } });
  const completion = await timed('textDocument/completion', { textDocument: { uri }, position: { line, character: 'clauses: [9.4.2, 12.'.length } });
  console.log(`hover: p50 ${ms(median(hover))}, p95 ${ms(percentile(hover, 95))}; completion: p50 ${ms(median(completion))}, p95 ${ms(percentile(completion, 95))} (target p95 ≤ 10 ms)`);
  await server.stop();
}

await main();
