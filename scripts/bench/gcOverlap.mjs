// With CLAUSEWISE_GC_LOG set (the server appends its main thread's collections there: server/src/lsp/gcLog.ts),
// lines the bench's slow requests up with the collections that paused the server while they waited.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** Now, in ms since 1970 with the precision of performance.now(): the clock of the server's log lines. */
export const epochNow = () => performance.timeOrigin + performance.now();

/** The collections in the log: { start, ms, kind }. */
function collections(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => {
    const [start, ms, kind] = line.split(' ');
    return { start: Number(start), ms: Number(ms), kind };
  });
}

/**
 * Prints (and writes beside the log as .requests.json), for each series of timed requests ({ name, slowerThan, requests: [{ start, ms }] }, start in epoch ms), how
 * many took longer than `slowerThan` ms (its target) and how many of those overlapped a collection, by kind, with the pauses' total.
 */
export function reportOverlaps(file, series) {
  const pauses = collections(file);
  for (const { name, requests, slowerThan } of series) {
    const slow = requests.filter((request) => request.ms > slowerThan);
    const byKind = new Map();
    let explained = 0;
    for (const request of slow) {
      const during = pauses.filter((pause) => pause.start < request.start + request.ms && pause.start + pause.ms > request.start);
      if (during.some((pause) => pause.ms >= 1)) explained++;
      for (const pause of during) {
        const kind = byKind.get(pause.kind) ?? { count: 0, ms: 0 };
        byKind.set(pause.kind, { count: kind.count + 1, ms: kind.ms + pause.ms });
      }
    }
    const kinds = [...byKind].map(([kind, { count, ms }]) => `${kind} ${count}× ${ms.toFixed(1)} ms`).join(', ') || 'none';
    const sum = (key) => slow.reduce((total, request) => total + request[key], 0).toFixed(0);
    console.log(`${name}: ${slow.length} of ${requests.length} over ${slowerThan} ms (${slow.map((request) => request.ms.toFixed(0)).join(' ')}), ${sum('ms')} ms in all, during which the main thread ran ${sum('mainRun')} ms and waited for a CPU ${sum('mainWait')} ms, the server's other threads ran ${sum('othersRun')} ms; ${explained} overlap a main-thread pause ≥ 1 ms; pauses during them: ${kinds}`);
  }
  writeFileSync(`${file}.requests.json`, JSON.stringify(series));
  const majors = pauses.filter((pause) => pause.kind === 'mark-compact');
  console.log(`main thread over the whole run: ${pauses.length} pauses; mark-compact ${majors.length}× (${majors.map((pause) => pause.ms.toFixed(0)).join(' ')} ms)`);
}
