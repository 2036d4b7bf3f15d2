import { dirname, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { configFromText, type CatalogPolicy } from '../config/load';
import { ConfigResolver, diskConfigs, type ConfigSource } from '../config/resolve';
import { CONFIG_FILE_NAMES } from '../config/types';
import { RevisionTree } from '../git/tree';
import type { BaseRevision } from '../rules/types';
import { isInside } from '../shared/paths';
import { MARKDOWN_FILE } from '../engine/markdownFiles';
import type { PolicySet } from '../engine/policySet';
import { checkFiles, type FileResult, type BatchOptions } from '../engine/batch';
import { PolicySets } from '../engine/policySets';

/** The findings and policy sets of one side of a change. */
export interface CheckedSide {
  results: FileResult[];
  sets: PolicySet[];
}

/** The configs of a past revision: found by walking up inside the revision, read through git. */
function revisionConfigs(tree: RevisionTree): ConfigSource {
  return {
    find(dir) {
      for (let current = dir; isInside(current, tree.root); current = resolve(current, '..')) {
        const file = CONFIG_FILE_NAMES.map((name) => resolve(current, name)).find((candidate) => tree.has(candidate));
        if (file) return file;
        if (current === tree.root) break;
      }
      return undefined;
    },
    load(file, options) {
      const text = tree.config(file);
      return configFromText(text ?? '', file, options);
    },
  };
}

/**
 * Checks the policy documents of a past revision as `check` would have checked its work tree: the
 * same paths and globs (else the configs' include globs, else everything under `cwd`), the
 * configs of `configsFrom` (default: the revision's own; 'disk': the work tree's; --config's file
 * when given), every text read
 * through git, and links checked against the revision's files. The checking threads, and their
 * time limit, are the same as check's: they are handed each config's text.
 */
export async function checkRevision(tree: RevisionTree, positionals: string[], cwd: string, options: { today?: string; policy: CatalogPolicy; configFile?: string; configsFrom?: RevisionTree | 'disk'; base?: BaseRevision; reuse?: BatchOptions['reuse'] }): Promise<CheckedSide> {
  // --config names a file on disk, for both sides.
  const configTree = options.configFile !== undefined || options.configsFrom === 'disk' ? undefined : (options.configsFrom ?? tree);
  const resolver = new ConfigResolver(cwd, options.configFile, { ...options.policy }, configTree ? revisionConfigs(configTree) : diskConfigs);
  // One set per config for the command: listing the files and checking them share it.
  const sets = new PolicySets(resolver);
  const files = revisionFiles(tree, positionals, cwd, sets);
  tree.load(files.filter((path) => !options.reuse?.has(path)));
  return checkFiles(files, {
    cwd, today: options.today, sets, base: options.base, reuse: options.reuse,
    read: (path) => tree.document(path),
    fileExists: (path) => tree.has(path),
    configText: configTree ? (file) => configTree.config(file) ?? '' : undefined,
  });
}

/** The Markdown files of a revision that the given paths (or the defaults) name. */
function revisionFiles(tree: RevisionTree, positionals: string[], cwd: string, sets: PolicySets): string[] {
  const markdown = tree.paths().filter((path) => MARKDOWN_FILE.test(path) && !path.split(sep).includes('node_modules'));
  const setOf = (dir: string) => sets.forDirectory(dir);
  if (positionals.length > 0) {
    // As discoverFiles walks: a named file is taken as it is; the config governing a walked folder
    // (or a glob's base) excludes what its `exclude` globs name below it.
    const matchers = positionals.map((input) => {
      if (!/[*?[\]{}!]/.test(input)) {
        const named = resolve(cwd, input);
        if (tree.has(named)) return (path: string) => path === named;
        const set = setOf(named);
        return (path: string) => isInside(path, named) && !set.isExcluded(path);
      }
      const { base, glob } = picomatch.scan(input);
      const root = resolve(cwd, base || '.');
      const matches = picomatch(glob || '**');
      const set = setOf(root);
      return (path: string) => isInside(path, root) && matches(relative(root, path).split(sep).join('/')) && !set.isExcluded(path);
    });
    return markdown.filter((path) => matchers.some((matches) => matches(path)));
  }
  return markdown.filter((path) => {
    const set = setOf(dirname(path));
    return set.config.include.length > 0 ? set.isIncluded(path) : isInside(path, cwd);
  });
}
