// npm run bench: clausewise check on a 2,000-document synthetic corpus (about 7 MB, built from the
// real policy texts), against (a) the parse floor, and beside (d) markdownlint-cli2. Each command
// runs as its own process, interleaved, several times; medians are reported. Not a test: it prints.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { buildCorpus } from './bench/corpus.mjs';

const root = resolve(import.meta.dirname, '..');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const files = buildCorpus();
const dir = dirname(files[0]);
const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
const cacheFile = join(tmpdir(), 'clausewise-bench.cache');
const cli = join(root, 'dist', 'cli.js');
const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

// (e) needs a git repository: a copy of the corpus, committed once, with one file changed since.
const gitDir = join(tmpdir(), 'clausewise-bench-git');
function gitCopy() {
  rmSync(gitDir, { recursive: true, force: true });
  cpSync(dir, gitDir, { recursive: true });
  const git = (...args) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.org', ...args], { cwd: gitDir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'corpus');
  appendFileSync(join(gitDir, 'policy-0001.md'), '\nOne more sentence, so this file changed since HEAD.\n');
}
gitCopy();

const commands = {
  a: { label: '(a) floor: read + remark + yaml, one thread', args: [join(root, 'scripts', 'bench', 'floor.mjs'), dir] },
  b: { label: '(b) clausewise check, cold', args: [cli, 'check', dir, '--today', '2026-06-01'], before: () => rmSync(cacheFile, { force: true }) },
  c: { label: '(c) clausewise check --cache, second run', args: [cli, 'check', dir, '--today', '2026-06-01', '--cache', '--cache-location', cacheFile] },
  e: { label: '(e) check --changed-since HEAD, 1 file changed', args: [cli, 'check', '.', '--today', '2026-06-01', '--changed-since', 'HEAD'], cwd: gitDir },
  d: { label: '(d) markdownlint-cli2, default rules', args: [join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), '*.md'], cwd: dir },
};

function run(command) {
  command.before?.();
  const argv = timeBinary ? [timeBinary, '-f', '%M', process.execPath, ...command.args] : [process.execPath, ...command.args];
  const started = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { cwd: command.cwd ?? root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command.label} failed (${result.status}): ${result.stderr.slice(-500)}`);
  const rssKb = timeBinary ? Number(result.stderr.trim().split('\n').at(-1)) : NaN;
  return { seconds, rssMb: rssKb / 1024 };
}

/** The floor split over two processes run at once: what the two cores give the bare parse, with nothing else to do. */
async function splitFloor() {
  const started = process.hrtime.bigint();
  const floor = join(root, 'scripts', 'bench', 'floor.mjs');
  await Promise.all(['0/2', '1/2'].map((part) => new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [floor, dir, part], { stdio: 'ignore' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`floor ${part} failed (${code})`))));
  })));
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, rssMb: NaN };
}

const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

console.log(`corpus: ${files.length} documents, ${(bytes / 1048576).toFixed(1)} MB in ${dir}; ${runs} runs each, interleaved`);
// Warm the file cache once.
run(commands.a);
const samples = { a: [], s: [], b: [], c: [], d: [], e: [] };
for (let i = 0; i < runs; i++) {
  samples.a.push(run(commands.a));
  samples.s.push(await splitFloor());
  samples.b.push(run(commands.b)); // cold: (b) removes the cache file first
  run(commands.c); // the first run with --cache fills it (not measured)
  samples.c.push(run(commands.c)); // the second run is measured
  samples.d.push(run(commands.d));
  samples.e.push(run(commands.e));
}
const ratio = (x, y) => (result[x].seconds / result[y].seconds).toFixed(2);
const result = Object.fromEntries(Object.entries(samples).map(([key, list]) => [key, { seconds: median(list.map((s) => s.seconds)), rssMb: median(list.map((s) => s.rssMb)), max: Math.max(...list.map((s) => s.rssMb)) }]));
for (const key of ['a', 'b', 'c', 'd', 'e']) {
  console.log(`${commands[key].label.padEnd(48)} ${result[key].seconds.toFixed(2).padStart(6)} s   peak RSS ${result[key].rssMb.toFixed(0).padStart(4)} MB`);
}
console.log(`${'(a2) the floor split over 2 processes at once'.padEnd(48)} ${result.s.seconds.toFixed(2).padStart(6)} s   = ${ratio('s', 'a')} × (a): what splitting the bare parse over 2 cores gives`);
const verdict = (ok) => (ok ? 'met' : 'NOT met');
console.log('');
console.log(`(b)/(a) = ${ratio('b', 'a')}   target ≤ 1.0   ${verdict(result.b.seconds <= result.a.seconds)}`);
console.log(`(b)/(d) = ${ratio('b', 'd')}   target ≤ 0.5   ${verdict(result.b.seconds <= 0.5 * result.d.seconds)}   (0.5 × (d) = ${(0.5 * result.d.seconds / result.a.seconds).toFixed(2)} × (a); (a2) = ${ratio('s', 'a')} × (a))`);
console.log(`(c)/(b) = ${ratio('c', 'b')}   target ≤ 0.1   ${verdict(result.c.seconds <= 0.1 * result.b.seconds)}`);
console.log(`(e)/(b) = ${ratio('e', 'b')}   target ≤ 0.3   ${verdict(result.e.seconds <= 0.3 * result.b.seconds)}`);
console.log(`peak RSS of (b) = ${result.b.max.toFixed(0)} MB (max of runs)   target ≤ 500 MB   ${verdict(result.b.max <= 500)}`);
