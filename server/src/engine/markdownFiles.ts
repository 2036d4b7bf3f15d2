import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isReallyInside, realPath } from '../files/confine';
import { readRegularFile } from '../files/readFile';
import { isInside } from '../shared/paths';

/** The file names Clausewise reads as Markdown. */
export const MARKDOWN_FILE = /\.(md|markdown)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

type IgnoreChain = { root: string; rules: Ignore }[];

/** .gitignore files are small; a bigger one (or a FIFO by that name) is not read. */
const MAX_IGNORE_BYTES = 1024 * 1024;

/**
 * Adds the Markdown files below a folder that `accept` takes to `found`, honouring `.gitignore`
 * files (inherited from above the folder too). Symbolic links are followed only while they stay
 * inside the folder (`ln -s / docs/root` must not make a check walk the whole disk); links that
 * lead out, unreadable folders and link loops go to `problems`.
 */
export function walkMarkdownFiles(dir: string, found: Set<string>, problems: string[], accept: (path: string) => boolean): void {
  walk(dir, inheritedIgnores(dir), found, problems, accept, realPath(dir));
}

/**
 * True when walking `root` would reach `path` as a Markdown file: below the root, not in a skipped
 * or git-ignored folder, not git-ignored itself. For files that appear after the walk.
 */
export function isWalkedMarkdownFile(root: string, path: string): boolean {
  const rel = relative(root, path);
  if (rel === '' || !isInside(path, root) || !MARKDOWN_FILE.test(path) || !isReallyInside(path, [root])) return false;
  let chain = inheritedIgnores(root);
  let dir = root;
  const parts = rel.split(sep);
  for (const [index, part] of parts.entries()) {
    const own = readIgnore(dir);
    if (own) chain = [...chain, { root: dir, rules: own }];
    const child = join(dir, part);
    const isDir = index < parts.length - 1;
    if (isIgnored(chain, child, isDir) || (isDir && SKIPPED_DIRS.has(part))) return false;
    dir = child;
  }
  return true;
}

/** .gitignore files between the repository root (or filesystem root) and a folder apply to it. */
function inheritedIgnores(dir: string): IgnoreChain {
  const chain: IgnoreChain = [];
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
    return ignore().add(readRegularFile(file, MAX_IGNORE_BYTES).toString('utf8'));
  } catch {
    // An unreadable .gitignore ignores nothing, as git itself treats it.
    return undefined;
  }
}

function walk(dir: string, ignores: IgnoreChain, found: Set<string>, problems: string[], accept: (path: string) => boolean, top: string, visited = new Set<string>()): void {
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
      let target: string;
      try {
        target = realpathSync(path);
        const stat = statSync(target);
        isDir = stat.isDirectory();
        isFile = stat.isFile();
      } catch {
        problems.push(`${path}: broken symbolic link`);
        continue;
      }
      if (!isInside(target, top) && (isDir || MARKDOWN_FILE.test(entry.name))) {
        problems.push(`${path}: symbolic link to ${target}, outside ${top}; not followed`);
        continue;
      }
    }
    if (isIgnored(chain, path, isDir)) continue;
    if (isDir) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(path, chain, found, problems, accept, top, visited);
    } else if (isFile && MARKDOWN_FILE.test(entry.name) && accept(path)) {
      found.add(path);
    }
  }
}

function isIgnored(chain: IgnoreChain, path: string, isDir: boolean): boolean {
  return chain.some(({ root, rules }) => {
    const rel = relative(root, path).split(sep).join('/');
    return rel !== '' && isInside(path, root) && rules.ignores(isDir ? `${rel}/` : rel);
  });
}
