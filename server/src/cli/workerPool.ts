import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReadProblem } from '../document/types';
import type { AnalyzedDocument } from '../workspace/analyzedDocument';

/** One document to analyse on a worker: its text and how to find its config. */
export interface AnalysisJob {
  path: string;
  text: string;
  problem?: ReadProblem;
  configFile?: string;
  explicitConfig: boolean;
  cwd: string;
  today: string;
}

export type WorkerRequest = { batch: number; jobs: AnalysisJob[] };
export type WorkerResponse = { batch: number; analyzed: AnalyzedDocument[] } | { batch: number; error: string };

/** Below this many documents, starting threads costs more than it saves. */
const MIN_DOCUMENTS = 150;
const BATCH_SIZE = 20;

function workerFile(): string {
  return join(__dirname, 'worker.js');
}

export function shouldUseWorkers(count: number): boolean {
  return count >= MIN_DOCUMENTS && availableParallelism() > 1 && existsSync(workerFile());
}

/** Analyses jobs on one worker per core (at most four), keeping the input order. */
export async function analyzeInPool(jobs: AnalysisJob[], onProgress?: (done: number, total: number) => void): Promise<AnalyzedDocument[]> {
  const batches: AnalysisJob[][] = [];
  for (let i = 0; i < jobs.length; i += BATCH_SIZE) batches.push(jobs.slice(i, i + BATCH_SIZE));
  const results: AnalyzedDocument[][] = new Array(batches.length);
  const size = Math.min(availableParallelism(), 4, batches.length);
  let next = 0;
  let done = 0;
  // A larger young generation: parsing allocates many short-lived objects, and scavenges were a fifth of the time.
  const workers = Array.from({ length: size }, () => new Worker(workerFile(), { resourceLimits: { maxYoungGenerationSizeMb: 96 } }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= batches.length) return resolve();
              const batch = next++;
              worker.postMessage({ batch, jobs: batches[batch]! } satisfies WorkerRequest);
            };
            worker.on('message', (response: WorkerResponse) => {
              if ('error' in response) return reject(new Error(response.error));
              results[response.batch] = response.analyzed;
              done += response.analyzed.length;
              onProgress?.(done, jobs.length);
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => code !== 0 && reject(new Error(`a checking thread stopped with code ${code}`)));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results.flat();
}
