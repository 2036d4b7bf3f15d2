import { changedFiles, renamesOf, type FileChange } from '../git/changes';
import { defaultBase, resolveCommit, shortCommit, workTreeRoot } from '../git/revisions';
import { RevisionTree } from '../git/tree';
import type { BaseRevision } from '../rules/types';

/** The revision a change is compared with, its files, and what changed since. */
export interface ChangeBase {
  root: string;
  commit: string;
  /** What the user named, or how the base was found. */
  ref: string;
  tree: RevisionTree;
  changes: FileChange[];
  /** Head path → base path of renamed files. */
  renames: Map<string, string>;
  /** What the change-discipline rules read. */
  revision: BaseRevision;
}

/**
 * Opens the base of a change: `ref` (else the merge base with the default branch) against `head`
 * (a commit, else the work tree). Throws GitError (exit 2) outside a repository, for a ref that
 * looks like an option or names nothing, and for a base a shallow clone lacks.
 */
export function openBase(cwd: string, ref: string | undefined, head?: string, option = '--base'): ChangeBase {
  const root = workTreeRoot(cwd);
  const base = ref === undefined ? defaultBase(root) : { commit: resolveCommit(root, ref, option), label: ref };
  const tree = new RevisionTree(root, base.commit);
  const changes = changedFiles(root, base.commit, head);
  const renames = renamesOf(changes);
  const label = `${base.label} (${shortCommit(root, base.commit)})`;
  const revision: BaseRevision = {
    label,
    textOf(path) {
      const from = renames.get(path) ?? path;
      if (!tree.has(from)) return undefined;
      const { text, problem } = tree.document(from);
      return problem ? undefined : text;
    },
  };
  return { root, commit: base.commit, ref: base.label, tree, changes, renames, revision };
}
