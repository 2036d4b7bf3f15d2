import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { walkMarkdownFiles } from '../engine/markdownFiles';
import { UsageError } from './usageError';

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
      walkMarkdownFiles(root, found, problems, (path) => matches(relative(root, path).split(sep).join('/')) && !excluded(path));
      if (found.size === before) throw new UsageError(`no Markdown files match "${input}"`, 'check the pattern, or quote it so the shell does not expand it');
      continue;
    }
    const path = resolve(cwd, input);
    if (!existsSync(path)) throw new UsageError(`no such file or folder: ${input}`);
    const stat = statSync(path);
    // Like ESLint's ignore patterns: the exclude globs of the config governing a walked folder apply to everything below it.
    const excluded = stat.isDirectory() ? excluderFor(path) : undefined;
    if (excluded) walkMarkdownFiles(path, found, problems, (file) => !excluded(file));
    else found.add(path);
  }
  return { files: [...found].sort(), problems };
}

function isGlob(input: string): boolean {
  return /[*?[\]{}!]/.test(input);
}
