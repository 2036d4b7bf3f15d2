import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..', '..');
export const referenceDir = join(repoRoot, 'test', 'reference');
export const fixturesDir = join(repoRoot, 'test', 'fixtures');
export const cliPath = join(repoRoot, 'dist', 'cli.js');

export function readReference<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(join(referenceDir, name), 'utf8')) as T;
}

/** The clause table: [id, kind, title] rows. */
export function clauseTable(): [string, string, string][] {
  return readFileSync(join(referenceDir, 'iso27799-2016-clauses.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t') as [string, string, string]);
}

/** The Markdown files of the real policy sets in test/corpus (datica, then comply), in name order. */
export function corpusPolicies(): string[] {
  return ['datica', 'comply'].flatMap((set) => {
    const dir = join(repoRoot, 'test', 'corpus', set);
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md')).sort().map((name) => join(dir, name));
  });
}
