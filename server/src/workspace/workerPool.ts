import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReadProblem } from '../document/types';
import type { SeveritySetting } from '../findings/types';
import type { AnalyzedDocument } from './analyzedDocument';

/** One document to analyse on a worker: its text and how to find its config. */
export interface AnalysisJob {
  path: string;
  text: string;
  problem?: ReadProblem;
  configFile?: string;
  explicitConfig: boolean;
  cwd: string;
  today: string;
  /** For documents without a config file: an editor's default rule severities and catalog. */
  defaultRules?: Record<string, SeveritySetting>;
  defaultCatalog?: string;
}

export type WorkerRequest = { batch: number; jobs: AnalysisJob[] };
export type WorkerResponse = { batch: number; analyzed: AnalyzedDocument[] } | { batch: number; error: string };

/** Below this many documents, starting threads costs more than it saves. */
const MIN_DOCUMENTS = 150;
const BATCH_SIZE = 25;

function workerFile(): string {
  return join(__dirname, 'worker.js');
}

export function shouldUseWorkers(count: number): boolean {
  return count >= MIN_DOCUMENTS && availableParallelism() > 1 && existsSync(workerFile());
}

/** Batches each thread has in hand, so it never waits for the main thread between two. */
const IN_FLIGHT = 2;

/**
 * The main thread and one checking thread per other core (at most three) share the documents.
 * Each thread compiles the parser anew, so on few cores an idle main thread would waste one.
 * Threads start when the pool is made, so they load while the main thread is still reading files;
 * `analyze` keeps the input order.
 */
export class WorkerPool {
  private readonly workers: Worker[];

  constructor() {
    // A larger young generation: parsing allocates many short-lived objects.
    this.workers = Array.from({ length: Math.max(1, Math.min(availableParallelism() - 1, 3)) }, () => new Worker(workerFile(), { resourceLimits: { maxYoungGenerationSizeMb: 96 } }));
  }

  /** Analyses the jobs on the threads and, through `local`, on this thread. */
  async analyze(jobs: AnalysisJob[], local: (job: AnalysisJob) => AnalyzedDocument, onProgress?: (done: number, total: number) => void): Promise<AnalyzedDocument[]> {
    const batches: AnalysisJob[][] = [];
    for (let i = 0; i < jobs.length; i += BATCH_SIZE) batches.push(jobs.slice(i, i + BATCH_SIZE));
    const results: AnalyzedDocument[][] = new Array(batches.length);
    let next = 0;
    let done = 0;
    const finished = (batch: number, analyzed: AnalyzedDocument[]) => {
      results[batch] = analyzed;
      done += analyzed.length;
      onProgress?.(done, jobs.length);
    };
    const threads = this.workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          let outstanding = 0;
          const send = () => {
            while (outstanding < IN_FLIGHT && next < batches.length) {
              const batch = next++;
              outstanding++;
              worker.postMessage({ batch, jobs: batches[batch]! } satisfies WorkerRequest);
            }
            if (outstanding === 0) resolve();
          };
          worker.on('message', (response: WorkerResponse) => {
            if ('error' in response) return reject(new Error(response.error));
            outstanding--;
            finished(response.batch, response.analyzed);
            send();
          });
          worker.on('error', reject);
          worker.on('exit', (code) => code !== 0 && reject(new Error(`a checking thread stopped with code ${code}`)));
          send();
        }),
    );
    // This thread takes a batch whenever one is left, yielding between batches to keep the threads fed.
    const here = (async () => {
      while (next < batches.length) {
        const batch = next++;
        finished(batch, batches[batch]!.map(local));
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await Promise.all([...threads, here]);
    return results.flat();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
