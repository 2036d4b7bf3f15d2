import type { AnalysisJob, AnalysisResult } from './analysisJob';
import type { AnalysisLanes } from './analysisLanes';
import { AnalysisThread, workerFileExists } from './analysisThread';
import { shouldUseWorkers, WorkerPool } from './workerPool';

/** One document handed to a run: its job, where its result goes, and how to analyse it on this thread instead. */
export interface RunEntry {
  job: AnalysisJob;
  /** Told of the analysis made on a checking thread, as soon as it arrives. */
  onResult(result: AnalysisResult): void;
  /** Analyses the document on this thread and files it where `onResult` would (its set's index, once). */
  analyzeHere(): void;
  /** Told when the lanes could not analyse this document (the others go on); without it the run fails. */
  onError?(error: Error): void;
}

export interface RunOptions {
  /** How many documents the run will be handed (or at least): with enough of them, a pool of checking threads shares them. */
  expected: number;
  /** False: no pool, whatever the count. */
  parallel?: boolean;
  /** Everything on this thread: no checking thread and no time budget (a reference run for tests). */
  oneThread?: boolean;
  /** A long-lived process's own threads (the language server's): they take what no pool takes. */
  lanes?: AnalysisLanes;
  onProgress?: (done: number, total: number) => void;
  /** `expected` is exact (no document will be left out): a pool's progress counts from its first batch instead of once every document is handed in. */
  exact?: boolean;
}

/**
 * One run of analyses through the engine, for the CLI's batch and the language server's indexing
 * alike: documents are handed in as they are read, and each result goes to its entry as it
 * arrives. Many documents share a pool of checking threads (started when the run is made, so they
 * load while files are read); an editor's open documents, and the documents of a smaller run, go to
 * the process's lanes when it has them, else to one checking thread on a time budget. Without a
 * thread script (run from sources) or with `oneThread`, each document is analysed here as it is
 * handed in, and indexed once, by the set that parses it.
 */
export class AnalysisRun {
  private readonly pool?: WorkerPool;
  private readonly held: RunEntry[] = [];
  private readonly threaded: boolean;
  private added = 0;
  private done = 0;

  constructor(private readonly options: RunOptions) {
    this.threaded = !options.oneThread && workerFileExists() && (options.lanes?.threaded ?? true);
    if (this.threaded && options.parallel !== false && shouldUseWorkers(options.expected)) this.pool = new WorkerPool(options.onProgress, undefined, options.exact ? options.expected : undefined);
  }

  /** The pool's thread count (0 without a pool). */
  get threadCount(): number {
    return this.pool?.threadCount ?? 0;
  }

  /** Hands a document to the run: to the pool at once, to this thread at once, or held for the lanes or the timed thread. */
  add(entry: RunEntry): void {
    this.added++;
    if (!this.threaded) {
      entry.analyzeHere();
      this.options.onProgress?.(++this.done, Math.max(this.added, this.options.expected));
    } else if (this.pool && !entry.job.keepDocument) {
      this.pool.add(entry.job, entry.onResult);
    } else {
      this.held.push(entry);
    }
  }

  /** Resolves when the run can take more documents without holding many unanalysed texts (at once without a pool). */
  room(): Promise<void> {
    return this.pool?.room() ?? Promise.resolve();
  }

  /** Resolves when every document handed in has its result filed; rejects when the threads failed. */
  async finished(): Promise<void> {
    const held = this.held.splice(0);
    if (!this.threaded && this.added > 0) this.options.onProgress?.(this.done, this.added);
    await Promise.all([this.pool?.finished().then(() => void this.pool!.close()), this.runHeld(held)]);
  }

  /** Stops the pool's threads; safe to call again. */
  close(): Promise<void> {
    return this.pool?.close() ?? Promise.resolve();
  }

  private async runHeld(held: RunEntry[]): Promise<void> {
    if (held.length === 0) return;
    const progress = (done: number) => (this.pool ? undefined : this.options.onProgress?.(done, held.length));
    if (this.options.lanes) {
      const results = await this.options.lanes.runAll(held.map((entry) => entry.job), progress);
      // A document the lanes could not analyse is its entry's to report, else it fails the run as a pool's thread failing does.
      results.forEach((result, index) => {
        const entry = held[index]!;
        if (!(result instanceof Error)) entry.onResult(result);
        else if (entry.onError) entry.onError(result);
        else throw result;
      });
      return;
    }
    // The pre-scan only knows the slow inputs found so far; the thread bounds any other. Unreadable files stay here.
    const timed = held.filter((entry) => !entry.job.problem);
    const thread = timed.length > 0 ? new AnalysisThread() : undefined;
    try {
      const offThread = thread?.run(timed.map((entry) => entry.job));
      let done = 0;
      for (const entry of held) {
        if (entry.job.problem) {
          entry.analyzeHere();
          progress(++done);
        }
      }
      if (offThread) {
        (await offThread).forEach((result, index) => timed[index]!.onResult(result));
        progress(held.length);
      }
    } finally {
      await thread?.close();
    }
  }
}
