// Builds the deterministic synthetic corpus for the benchmarks: 2,000 policy documents (about 7 MB)
// made from the real policy texts in ../shared/corpus (or test/corpus in a clone without it), each
// with generated frontmatter. Same inputs, same bytes: a seeded generator, sorted sources.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path);
    return /\.md(\.tmpl)?$/.test(entry.name) && !/^(README|LICENSE|CLAUSES|NOTICE)/i.test(entry.name) ? [path] : [];
  });
}

/** Real policy bodies, frontmatter and comply metadata removed, sorted for determinism. */
export function sourceTexts() {
  const shared = resolve(root, '..', 'shared', 'corpus');
  const dir = existsSync(shared) ? shared : join(root, 'test', 'corpus');
  return walk(dir)
    .sort()
    .map((path) => readFileSync(path, 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '').replace(/^[\s\S]{0,400}?\n---\r?\n/, ''))
    .filter((text) => text.length > 500);
}

function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONTROL_IDS = readFileSync(join(root, 'test', 'reference', 'iso27799-2016-clauses.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line.includes('\tcontrol\t'))
  .map((line) => line.split('\t')[0]);

/** Writes the corpus into dir (reusing it when its manifest matches) and returns the file paths. */
export function buildCorpus(dir = join(tmpdir(), 'clausewise-bench-corpus'), count = 2000, targetBytes = 7 * 1024 * 1024) {
  const texts = sourceTexts();
  const fingerprint = createHash('sha1').update(`${count}:${targetBytes}:`).update(texts.join('\0')).digest('hex');
  const manifest = join(dir, '.manifest');
  const names = Array.from({ length: count }, (_, i) => `policy-${String(i + 1).padStart(4, '0')}.md`);
  if (existsSync(manifest) && readFileSync(manifest, 'utf8') === fingerprint) return names.map((name) => join(dir, name));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const random = mulberry32(27799);
  const perDocument = targetBytes / count;
  names.forEach((name, i) => {
    const length = Math.round(perDocument * (0.5 + random()));
    let body = '';
    while (body.length < length) body += `${texts[Math.floor(random() * texts.length)]}\n\n`;
    // Cut at a paragraph break near the target length, so sizes stay close to the budget.
    const cut = body.lastIndexOf('\n\n', length);
    body = `${body.slice(0, cut > length / 2 ? cut : length)}\n`;
    const clauses = Array.from({ length: 3 + Math.floor(random() * 6) }, () => CONTROL_IDS[Math.floor(random() * CONTROL_IDS.length)]);
    const frontmatter = [
      '---',
      `id: BENCH-${String(i + 1).padStart(4, '0')}`,
      `title: Synthetic policy ${i + 1}`,
      `type: ${['policy', 'standard', 'procedure'][i % 3]}`,
      'owner: Chief Information Security Officer',
      `status: ${i % 5 === 0 ? 'draft' : 'approved'}`,
      'version: 1.0.0',
      'approved-by: Information Governance Committee',
      'effective: 2026-01-15',
      'last-reviewed: 2026-03-01',
      'review-every: 12 months',
      `clauses: [${[...new Set(clauses)].join(', ')}]`,
      `related: [BENCH-${String(((i + 1) % count) + 1).padStart(4, '0')}]`,
      '---',
      '',
    ].join('\n');
    writeFileSync(join(dir, name), frontmatter + body);
  });
  writeFileSync(manifest, fingerprint);
  return names.map((name) => join(dir, name));
}
