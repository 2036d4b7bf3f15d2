import { setFlagsFromString } from 'node:v8';

/**
 * How far, in percent, V8 lets the server's heap grow past what was live after a full collection
 * before it collects again. V8's own factor depends on the machine: with 16 GB of memory or more it
 * lets a heap grow up to four times its live size. The server's heap is mostly the workspace's index
 * (some 230 MB live on 10,000 documents) and each edit leaves a little garbage (the document's
 * previous parse and findings), so the heap grew by about 70 MB over 220 edits without ever being
 * collected, while only about 2 MB of it was live (measured with heap snapshots after a forced
 * collection: nothing on the edit path is kept). With 10% a full collection comes about every
 * 20 MB of garbage on 10,000 documents. The flag is process-wide: it also applies to the checking threads.
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
