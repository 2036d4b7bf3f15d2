import { readFileSync, renameSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import type { CheckRunOptions, FileResult } from './checkRun';
import { fixInMemory } from './fixPasses';

export interface FixOutcome {
  results: FileResult[];
  /** Files written, with the number of fixes applied to each. */
  written: { path: string; fixes: number }[];
  /** Files not written because they changed on disk while Clausewise was working. */
  refused: string[];
}

/**
 * `--fix`: applies every automatic fix in memory, each checked before it is kept (fixInMemory), then
 * writes each changed file atomically (temporary file and rename, keeping its mode) unless the
 * file changed on disk since it was read. Returns the findings that remain.
 */
export async function fixFiles(paths: string[], options: CheckRunOptions): Promise<FixOutcome> {
  const original = new Map<string, Buffer>();
  for (const path of paths) {
    try {
      original.set(path, readFileSync(path));
    } catch {
      // Unreadable files are reported by the check itself.
    }
  }
  const texts = new Map<string, string>();
  const counts = new Map<string, number>();
  const checked = await fixInMemory(paths, options, texts, counts);
  const written: FixOutcome['written'] = [];
  const refused: string[] = [];
  for (const [path, text] of texts) {
    const before = original.get(path);
    if (before && writeIfUnchanged(path, before, text)) written.push({ path, fixes: counts.get(path) ?? 0 });
    else refused.push(path);
  }
  return { results: checked.results, written, refused };
}

/**
 * Writes text over a file atomically, unless the file no longer holds the bytes read before (an
 * editor saved it, or it was removed, while Clausewise worked): false then, and nothing is written.
 */
export function writeIfUnchanged(path: string, before: Buffer, text: string): boolean {
  let now: Buffer;
  try {
    now = readFileSync(path);
  } catch {
    return false;
  }
  if (!now.equals(before)) return false;
  writeAtomically(path, text);
  return true;
}

/** Writes through a temporary file in the same folder and renames it over the original, keeping the mode. */
function writeAtomically(path: string, text: string): void {
  const mode = statSync(path).mode;
  const temporary = join(dirname(path), `.${basename(path)}.clausewise-${process.pid}.tmp`);
  writeFileSync(temporary, text, { mode });
  chmodSync(temporary, mode);
  renameSync(temporary, path);
}
