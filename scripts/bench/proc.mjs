// What the benchmarks read of a running process from /proc (Linux only).
import { readFileSync } from 'node:fs';

/** CPU time (user + system, all threads) a process has used so far, in ms. */
export function cpuMilliseconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime and stime, in USER_HZ (100 on Linux)
}

/** A process's resident set size, in MB. */
export function rssMegabytes(pid) {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
}
