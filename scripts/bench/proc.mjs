// What the benchmarks read of a running process from /proc (Linux only).
import { readdirSync, readFileSync } from 'node:fs';

/** CPU time (user + system, all threads) a process has used so far, in ms. */
export function cpuMilliseconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime and stime, in USER_HZ (100 on Linux)
}

/** A process's resident set size, in MB. */
export function rssMegabytes(pid) {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
}

/**
 * From the scheduler's counters (ms so far): the main thread's time on a CPU and waiting for one (a busy
 * machine shows in the wait), and the other threads' time on a CPU (the checking thread, V8's collector helpers).
 */
export function schedMilliseconds(pid) {
  let othersRun = 0;
  let main = [0, 0];
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    let fields;
    try {
      fields = readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ').map(Number);
    } catch {
      continue; // a thread that ended between the listing and the read
    }
    if (task === String(pid)) main = fields;
    else othersRun += fields[0];
  }
  return { mainRun: main[0] / 1e6, mainWait: main[1] / 1e6, othersRun: othersRun / 1e6 };
}
