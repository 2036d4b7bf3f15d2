import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isInside } from '../shared/paths';

/** A path with every symbolic link resolved; a path that does not exist (yet) stays as given. */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * True when `path`, links followed, lies inside one of the folders (links followed too). What
 * Clausewise reads while walking, and everything it writes, must pass this: a repository can hold
 * `link -> /` or `docs/a.md -> ~/.ssh/id_rsa`.
 */
export function isReallyInside(path: string, folders: string[]): boolean {
  const target = realPath(path);
  return folders.some((folder) => isInside(target, realPath(folder)));
}

/** The nearest folder at or above `dir` holding `.git`, else `dir` itself. */
export function repositoryRoot(dir: string): string {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return dir;
  }
}
