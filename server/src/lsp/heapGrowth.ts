import { setFlagsFromString } from 'node:v8';

/**
 * How far, in percent, V8 lets the server's heap grow past what was live after a full collection
 * before it collects again. V8's own factor depends on the machine: with 16 GB of memory or more it
 * lets a heap grow up to four times its live size. The server's heap is mostly the workspace's index
 * (some 230 MB live on 10,000 documents) and each edit leaves a little garbage (the document's
 * previous parse and findings): the main heap grew from 259 to 304 MB over 220 edits without being
 * collected, while what stayed live grew by 2 MB (heap snapshots after a forced collection: nothing
 * on the edit path is kept). With 10%, a full collection comes about every 23 MB of garbage on
 * 10,000 documents. It is set at start, not once indexing ends: V8 keeps the limit it computed at
 * its last collection until the next, so set later it let the first edits' garbage pile up. The
 * flag is process-wide, so the checking threads collect more often too: indexing 10,000 documents
 * took about 10% more CPU, and a 2 MB document (the largest read) about half as much again.
 */
export const HEAP_GROWING_PERCENT = 10;

/** The V8 flags the server sets for itself: none that the node command line already gives (the user's choice wins). */
export function heapGrowthFlags(execArgv: readonly string[] = process.execArgv): string[] {
  const given = execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg));
  return given ? [] : [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`];
}

/** Applies heapGrowthFlags; V8 reads the factor at each full collection, so this takes effect at once. */
export function limitHeapGrowth(): void {
  for (const flag of heapGrowthFlags()) setFlagsFromString(flag);
}
