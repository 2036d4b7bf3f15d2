import { MAX_DOCUMENT_BYTES } from '../document/decode';
import { readRegularFile } from '../files/readFile';
import { FileWriteError, replaceFile } from '../files/replaceFile';
import { checkFiles, type BatchOptions, type FileResult } from '../engine/batch';
import { fixInMemory } from './fixPasses';

export interface FixOutcome {
  results: FileResult[];
  /** Files written, with the number of fixes applied to each. */
  written: { path: string; fixes: number }[];
  /** Files not written, each with the reason (changed meanwhile, a link, read-only, a write error). */
  refused: { path: string; reason: string }[];
}

/**
 * `--fix`: applies every automatic fix in memory, each checked before it is kept (fixInMemory), then
 * writes each changed file safely (see replaceFile), never outside `roots`. A file that cannot be
 * written is reported and the others are still written; the findings returned then describe the
 * files as they are on disk.
 */
export async function fixFiles(paths: string[], options: BatchOptions, roots: string[]): Promise<FixOutcome> {
  const original = new Map<string, Buffer>();
  for (const path of paths) {
    try {
      original.set(path, readRegularFile(path, MAX_DOCUMENT_BYTES));
    } catch {
      // Unreadable files are reported by the check itself.
    }
  }
  const texts = new Map<string, string>();
  const counts = new Map<string, number>();
  // Fixes are never taken from the cache: a forged entry could carry any edit. Cached files with fixes are analysed again.
  let checked = await fixInMemory(paths, { ...options, cacheWithoutFixes: true }, texts, counts);
  const written: FixOutcome['written'] = [];
  const refused: FixOutcome['refused'] = [];
  for (const [path, text] of texts) {
    const before = original.get(path);
    try {
      if (!before) throw new FileWriteError('changed', 'it could not be read (its unreadable-file finding says why); not written');
      replaceFile(path, before, text, roots);
      written.push({ path, fixes: counts.get(path) ?? 0 });
    } catch (error) {
      if (!(error instanceof FileWriteError)) throw error;
      refused.push({ path, reason: error.message });
    }
  }
  // What was not written is on disk as it was (or as someone else left it): report that.
  if (refused.length > 0) checked = await checkFiles(paths, { ...options, cache: undefined });
  return { results: checked.results, written, refused };
}
