import { join } from 'node:path';
import { git } from './run';

/** How git sees one file change between two revisions (or a revision and the work tree). */
export interface FileChange {
  status: 'added' | 'removed' | 'modified' | 'renamed';
  path: string;
  /** The path at the base, for a rename. */
  from?: string;
  /** git's similarity of a rename, in percent. */
  similarity?: number;
}

const STATUS: Record<string, FileChange['status']> = { A: 'added', D: 'removed', M: 'modified', T: 'modified', R: 'renamed', C: 'added' };

/**
 * The files that differ between `base` and `head` (a commit, or undefined for the work tree with
 * its untracked files), renames found by git's rename detection. Paths are absolute under `root`.
 */
export function changedFiles(root: string, base: string, head?: string): FileChange[] {
  const args = ['diff', '--name-status', '-M', '-z', '--no-ext-diff', '--no-textconv', '--ignore-submodules', base, ...(head ? [head] : []), '--'];
  const fields = git(root, args).stdout.toString('utf8').split('\0');
  const changes: FileChange[] = [];
  for (let index = 0; index < fields.length - 1; ) {
    const code = fields[index++]!;
    const status = STATUS[code[0]!];
    if (code[0] === 'R' || code[0] === 'C') {
      const from = fields[index++]!;
      const to = fields[index++]!;
      changes.push(code[0] === 'R' ? { status: 'renamed', path: join(root, to), from: join(root, from), similarity: Number(code.slice(1)) } : { status: 'added', path: join(root, to) });
    } else {
      const path = fields[index++]!;
      if (status) changes.push({ status, path: join(root, path) });
    }
  }
  if (!head) {
    const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z', '--full-name', '--', ':/']).stdout.toString('utf8').split('\0').filter(Boolean);
    for (const path of untracked) changes.push({ status: 'added', path: join(root, path) });
  }
  return changes;
}

/** Head path → base path of every renamed file. */
export function renamesOf(changes: FileChange[]): Map<string, string> {
  return new Map(changes.filter((change) => change.from !== undefined).map((change) => [change.path, change.from!]));
}
