import { appendFileSync } from 'node:fs';
import { constants, PerformanceObserver, performance, type PerformanceEntry } from 'node:perf_hooks';

/** The environment variable naming a file the server appends its main thread's garbage collections to. */
export const GC_LOG_VARIABLE = 'CLAUSEWISE_GC_LOG';

const KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental-marking',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak-callbacks',
};

/** One line of the log: when the pause started (ms since 1970, as the bench's Date.now()), how long it lasted, and its kind. */
export function gcLine(entry: Pick<PerformanceEntry, 'startTime' | 'duration'> & { detail?: unknown }, origin = performance.timeOrigin): string {
  const kind = (entry.detail as { kind?: number } | undefined)?.kind ?? -1;
  return `${(origin + entry.startTime).toFixed(1)} ${entry.duration.toFixed(2)} ${KINDS[kind] ?? `kind-${kind}`}`;
}

/**
 * With CLAUSEWISE_GC_LOG set, appends each pause of the main thread's garbage collector to that file
 * (never to stdout, which carries the LSP messages), so a benchmark can line slow answers up with
 * collections. Lines are written once a second, not on each pause.
 */
export function logCollections(env: NodeJS.ProcessEnv = process.env): void {
  const file = env[GC_LOG_VARIABLE];
  if (!file) return;
  let pending: string[] = [];
  const flush = () => {
    if (pending.length) appendFileSync(file, `${pending.join('\n')}\n`);
    pending = [];
  };
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => pending.push(gcLine(entry)))).observe({ entryTypes: ['gc'] });
  setInterval(flush, 1000).unref();
  process.on('exit', flush);
}
