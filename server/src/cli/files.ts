import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { UsageError } from './usageError';

const MARKDOWN = /\.(md|markdown)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface Discovery {
  files: string[];
  /** Folders or files that could not be read, each with the reason (reported, not fatal). */
  problems: string[];
}

/**
 * Expands files, folders and globs into Markdown files, sorted. `.gitignore` files are honoured
 * inside walked folders; symlink loops and unreadable folders are reported, not fatal.
 */
export function discoverFiles(inputs: string[], cwd: string, excluderFor: (dir: string) => (path: string) => boolean = () => () => false): Discovery {
  const found = new Set<string>();
  const problems: string[] = [];
  for (const input of inputs) {
    const before = found.size;
    if (isGlob(input)) {
      const { base, glob } = picomatch.scan(input);
      const root = resolve(cwd, base || '.');
      const matches = picomatch(glob || '**', { dot: false });
      const excluded = excluderFor(root);
      walk(root, inheritedIgnores(root), found, problems, (path) => matches(relative(root, path).split(sep).join('/')) && !excluded(path));
      if (found.size === before) throw new UsageError(`no Markdown files match "${input}"`, 'check the pattern, or quote it so the shell does not expand it');
      continue;
    }
    const path = resolve(cwd, input);
    if (!existsSync(path)) throw new UsageError(`no such file or folder: ${input}`);
    const stat = statSync(path);
    // Like ESLint's ignore patterns: the exclude globs of the config governing a walked folder apply to everything below it.
    const excluded = stat.isDirectory() ? excluderFor(path) : undefined;
    if (excluded) walk(path, inheritedIgnores(path), found, problems, (file) => !excluded(file));
    else found.add(path);
  }
  return { files: [...found].sort(), problems };
}

function isGlob(input: string): boolean {
  return /[*?[\]{}!]/.test(input);
}

/** .gitignore files between the repository root (or filesystem root) and a folder apply to it. */
function inheritedIgnores(dir: string): { root: string; rules: Ignore }[] {
  const chain: { root: string; rules: Ignore }[] = [];
  let current = dirname(dir);
  while (true) {
    const rules = readIgnore(current);
    if (rules) chain.unshift({ root: current, rules });
    if (existsSync(join(current, '.git')) || dirname(current) === current) break;
    current = dirname(current);
  }
  return chain;
}

function readIgnore(dir: string): Ignore | undefined {
  const file = join(dir, '.gitignore');
  if (!existsSync(file)) return undefined;
  try {
    return ignore().add(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function walk(
  dir: string,
  ignores: { root: string; rules: Ignore }[],
  found: Set<string>,
  problems: string[],
  accept: (path: string) => boolean,
  visited = new Set<string>(),
): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (error) {
    problems.push(`${dir}: ${(error as Error).message}`);
    return;
  }
  if (visited.has(real)) {
    problems.push(`${dir}: symbolic link loop, not followed again`);
    return;
  }
  visited.add(real);
  const own = readIgnore(dir);
  const chain = own ? [...ignores, { root: dir, rules: own }] : ignores;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    problems.push(`${dir}: cannot read folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const stat = statSync(path);
        isDir = stat.isDirectory();
        isFile = stat.isFile();
      } catch {
        problems.push(`${path}: broken symbolic link`);
        continue;
      }
    }
    if (isIgnored(chain, path, isDir)) continue;
    if (isDir) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(path, chain, found, problems, accept, visited);
    } else if (isFile && MARKDOWN.test(entry.name) && accept(path)) {
      found.add(path);
    }
  }
}

function isIgnored(chain: { root: string; rules: Ignore }[], path: string, isDir: boolean): boolean {
  return chain.some(({ root, rules }) => {
    const rel = relative(root, path).split(sep).join('/');
    return rel !== '' && !rel.startsWith('..') && rules.ignores(isDir ? `${rel}/` : rel);
  });
}
