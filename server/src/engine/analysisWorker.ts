import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerRequest, WorkerResponse } from './analysisJob';
import { PROGRESS, type ThreadData } from './analysisThread';
import { FindingPacker } from './packedFindings';
import type { PolicySet } from './policySet';
import { runJob } from './runJob';

/** A checking thread: loads each config and catalog once, then parses and checks documents on request, telling the watchdog which job it is on. */
const sets = new Map<string, PolicySet>();
const packer = new FindingPacker();
const { progress: shared, epoch, lowPriority } = workerData as ThreadData;
const progress = new Int32Array(shared);
if (lowPriority) lowerPriority();

/**
 * Lowers this thread's scheduling priority, leaving the main thread's: on Linux a thread has its own
 * nice value, set through its thread id (/proc/thread-self names it).
 */
function lowerPriority(): void {
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
  } catch {
    // Not Linux, or not allowed: the thread keeps the normal priority, which is only slower to yield.
  }
}

parentPort?.on('message', (message: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    const results = message.jobs.map((job, index) => {
      const result = runJob(job, sets, () => {
        Atomics.store(progress, PROGRESS.request, message.request);
        Atomics.store(progress, PROGRESS.index, index);
        Atomics.store(progress, PROGRESS.started, (Date.now() - epoch) | 0);
        Atomics.store(progress, PROGRESS.busy, 1);
      });
      // Loading the next job's config is not this job's time.
      Atomics.store(progress, PROGRESS.busy, 0);
      return result;
    });
    const findings = packer.pack(results.map((result) => result.analyzed.findings));
    for (const result of results) result.analyzed.findings = [];
    response = { request: message.request, results, findings };
  } catch (error) {
    // Strings a failed pack put in the table never reached the reader.
    packer.restart();
    response = { request: message.request, error: `${(error as Error).message}\n${(error as Error).stack ?? ''}` };
  } finally {
    Atomics.store(progress, PROGRESS.busy, 0);
  }
  parentPort!.postMessage(response);
});
