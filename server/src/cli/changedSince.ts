import { basename } from 'node:path';
import type { ConfigResolver } from '../config/resolve';
import { readDocumentFile } from '../document/decode';
import { dependentsOf } from '../engine/dependents';
import type { DocumentSummary } from '../model/summary';
import { openBase } from './baseRevision';
import { PolicySets } from '../engine/policySets';

/** What check --changed-since checks, and the summaries of everything else it indexes. */
export interface ChangedSelection {
  /** Files changed since the base, and the documents whose findings the change can move. */
  check: string[];
  /** Every other file of the inputs, indexed from its frontmatter. */
  indexed: Map<string, DocumentSummary>;
}

/**
 * Picks the files `check --changed-since REF` checks among `files` (all the command's inputs): the
 * files git sees changed since REF (untracked ones included), and their dependents as the language
 * server finds them (dependentsOf: shared or named ids, excluded controls a claim moved). Every
 * input is indexed from its frontmatter alone, which is all the workspace rules read of other
 * documents, so the findings equal a full check's. A file that appears or goes may fix or break
 * links, which a frontmatter index does not hold: every input whose text names the file is checked too.
 */
export function changedSelection(cwd: string, ref: string, files: string[], resolver: ConfigResolver): ChangedSelection {
  const base = openBase(cwd, ref, undefined, '--changed-since');
  const sets = new PolicySets(resolver);
  const setOf = (path: string) => sets.forPath(path);
  const texts = new Map<string, string>();
  const indexed = new Map<string, DocumentSummary>();
  for (const path of files) {
    const set = setOf(path);
    if (set.isExcluded(path)) continue;
    const { text, problem } = readDocumentFile(path);
    texts.set(path, text);
    indexed.set(path, set.indexFrontmatter(path, text, problem));
  }
  const selected = new Set<string>();
  const appearedOrGone = new Set<string>();
  for (const change of base.changes) {
    const set = setOf(change.path);
    const after = change.status === 'removed' ? undefined : indexed.get(change.path);
    const from = change.from ?? change.path;
    const read = change.status === 'added' || !base.tree.has(from) ? undefined : base.tree.document(from);
    // The file at the base, read with the head's config; the head's index stays as it is.
    const before = read && set.frontmatterSummary(from, read.text, read.problem);
    if (after) selected.add(change.path);
    if (change.status !== 'modified') appearedOrGone.add(change.path).add(from);
    // As the language server re-checks after an edit: a renamed file went from one path and appeared at another.
    const dependents = change.status === 'renamed'
      ? [...dependentsOf(set.index, before, undefined, set.config.root), ...dependentsOf(set.index, undefined, after, set.config.root)]
      : dependentsOf(set.index, before, after, set.config.root);
    for (const path of dependents) if (indexed.has(path)) selected.add(path);
  }
  const names = [...appearedOrGone].flatMap((path) => [basename(path), encodeURI(basename(path))]);
  for (const [path, text] of texts) if (names.some((name) => text.includes(name))) selected.add(path);
  for (const path of selected) indexed.delete(path);
  return { check: files.filter((path) => selected.has(path)), indexed };
}
