import { setFlagsFromString } from 'node:v8';

/**
 * How far, in percent, V8 lets the server's heap grow past what was live after a full collection
 * before it collects again, once the workspace is indexed. V8's own factor depends on the machine:
 * with 16 GB of memory or more it lets a heap grow up to four times its live size. The server's heap
 * is mostly the workspace's index (some 230 MB live on 10,000 documents) and each edit leaves a
 * little garbage (the document's previous parse and findings), so the heap grew by about 45 MB over
 * 220 edits without being collected, while what stayed live grew by 2 MB (heap snapshots after a
 * forced collection: nothing on the edit path is kept). With 10%, a full collection comes about
 * every 23 MB of garbage on 10,000 documents. While indexing, V8's own factor is left: the heap
 * grows from nothing to the index, and 10% steps would collect it some 30 times on the way (and
 * slow the checking threads, which the flag reaches too: V8's flags are the process's).
 */
export const HEAP_GROWING_PERCENT = 10;

/**
 * The V8 flag that limits the heap's growth (`limited`) or leaves it to V8; undefined when the node
 * command line sets the factor itself (the user's choice wins).
 */
export function heapGrowthFlag(limited: boolean, execArgv: readonly string[] = process.execArgv): string | undefined {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return undefined;
  // 0 is V8's default: its own factor.
  return `--heap-growing-percent=${limited ? HEAP_GROWING_PERCENT : 0}`;
}

/** Limits the heap's growth (the workspace is indexed) or leaves it to V8 (indexing); V8 reads the factor at each full collection. */
export function limitHeapGrowth(limited: boolean): void {
  const flag = heapGrowthFlag(limited);
  if (flag) setFlagsFromString(flag);
}
