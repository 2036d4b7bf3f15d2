import { availableParallelism } from 'node:os';
import type { AnalysisJob, AnalysisResult } from './analysisJob';
import { AnalysisThread, workerFile, workerFileExists } from './analysisThread';

export type { AnalysisJob } from './analysisJob';

/** Told of one document's analysis as soon as its thread sends it. */
export type ResultHandler = (result: AnalysisResult) => void;

/** Below this many documents, starting threads costs more than it saves. */
const MIN_DOCUMENTS = 150;
/** Small batches, so the threads run out of work at nearly the same moment; a message costs far less than a document. */
const BATCH_SIZE = 10;
/** Batches each thread has in hand, so it never waits for the main thread between two. */
const IN_FLIGHT = 2;
const MAX_THREADS = 4;
/** The most threads CLAUSEWISE_THREADS may ask for. */
const MAX_THREADS_SET = 16;

/**
 * What is wrong with the CLAUSEWISE_THREADS environment variable (how many checking threads a pool
 * starts), or undefined when it is unset or a whole number from 1 to 16.
 */
export function threadSettingProblem(value = process.env.CLAUSEWISE_THREADS): string | undefined {
  if (value === undefined || value === '') return undefined;
  const count = Number(value);
  return Number.isInteger(count) && count >= 1 && count <= MAX_THREADS_SET
    ? undefined
    : `CLAUSEWISE_THREADS is "${value}": set it to a whole number of checking threads from 1 to ${MAX_THREADS_SET}, or unset it for one per core but one (at least one, at most ${MAX_THREADS})`;
}

/**
 * How many checking threads a pool starts: CLAUSEWISE_THREADS when it is valid, else one per core
 * but one, at least one and at most four. The core left over is not idle: V8's garbage collector and
 * compiler run beside each thread (on the bench corpus, one checking thread's run spent 6 s of its
 * 18 s of CPU on V8's helper threads), and the main thread reads files and files results. On 2 cores
 * a second checking thread cost about 15 % more CPU in all and 100 MB more memory, and never
 * finished measurably sooner (README, Speed).
 */
export function poolThreadCount(value = process.env.CLAUSEWISE_THREADS): number {
  return value && !threadSettingProblem(value) ? Number(value) : Math.max(1, Math.min(availableParallelism() - 1, MAX_THREADS));
}

/**
 * The young generation the pool's threads share, in MB (each takes its share, at least 48 MB).
 * Parsing and matching allocate many short-lived objects: a larger young generation collects less
 * often and promotes less of a document that is still being analysed. One thread with 192 MB spent
 * about 10 % less CPU than with 48 MB on the bench corpus, for some 140 MB more peak memory, which
 * took check on 10,000 documents to 547 MB; 96 MB costs the same CPU within noise at 455 MB there.
 */
const YOUNG_GENERATION_MB = 96;
const MIN_YOUNG_GENERATION_MB = 48;

/** Each of `count` pool threads' young generation, in MB. */
export function youngGenerationMb(count: number): number {
  return Math.max(MIN_YOUNG_GENERATION_MB, Math.floor(YOUNG_GENERATION_MB / count));
}

/**
 * Batches queued beyond those in the threads' hands before `room` makes the reader wait: reading
 * is far faster than analysing, and every queued batch holds its documents' texts (10,000
 * documents read ahead held some 60 MB of text at once).
 */
const QUEUED_BATCHES = 8;

export function shouldUseWorkers(count: number): boolean {
  return count >= MIN_DOCUMENTS && availableParallelism() > 1 && workerFileExists();
}

/**
 * Checking threads (one per core but one: see poolThreadCount) analyse the documents; the main thread only reads
 * files and hands them out, so its heap stays small and it stays free to answer (the language
 * server). Measured on 2 cores, this is as fast as the main thread taking a share, with less memory.
 * Threads start when the pool is made, so they load while the main thread lists and reads files;
 * `add` hands out each batch as soon as it is full. Each thread parses on a budget (AnalysisThread).
 * Each result goes to its job's handler as soon as it arrives, and the pool keeps none: the caller
 * files it and drops what it does not need (the job's text), so a large workspace's analyses are
 * never all held twice. Use a pool for one run, then close it.
 */
export class WorkerPool {
  private readonly threads: AnalysisThread[];
  private readonly waiting: { jobs: AnalysisJob[]; handlers: ResultHandler[] }[] = [];
  private batch: AnalysisJob[] = [];
  private handlers: ResultHandler[] = [];
  private added = 0;
  private done = 0;
  private ended = false;
  private failure?: Error;
  /** Resolves the wait of `finished` once every job is answered or one failed. */
  private allAnswered?: () => void;
  private closing?: Promise<void>;
  /** Resolves the wait of `room` once the queue has room again. */
  private roomMade?: () => void;

  /**
   * `onProgress` is told after each batch how many documents are done of how many: from the first
   * batch when `total` (how many the pool will be given) is known, else once every document is added.
   * `file` is the thread's script: the bundled dist/worker.js unless a test gives another.
   */
  constructor(
    private readonly onProgress?: (done: number, total: number) => void,
    file = workerFile(),
    private readonly total?: number,
  ) {
    const count = poolThreadCount();
    this.threads = Array.from({ length: count }, () => new AnalysisThread(file, { resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb(count) } }));
  }

  /** How many checking threads share the work. */
  get threadCount(): number {
    return this.threads.length;
  }

  /** Queues a document, whose analysis goes to `onResult`; full batches go to the threads at once. */
  add(job: AnalysisJob, onResult: ResultHandler): void {
    this.added++;
    this.batch.push(job);
    this.handlers.push(onResult);
    if (this.batch.length === BATCH_SIZE) this.flush();
  }

  /** Resolves when the queue has room for more documents (at once while it has): await it between `add`s to read no further ahead. */
  room(): Promise<void> {
    if (this.waiting.length < QUEUED_BATCHES || this.failure) return Promise.resolve();
    return new Promise((resolve) => (this.roomMade = resolve));
  }

  /** Resolves when every added document's analysis has gone to its handler; rejects when a thread failed. */
  async finished(): Promise<void> {
    this.flush();
    this.ended = true;
    if (this.done > 0) this.reportProgress();
    await new Promise<void>((resolve) => {
      this.allAnswered = resolve;
      this.dispatch();
    });
    if (this.failure) throw this.failure;
  }

  /** Stops the threads; safe to call again. */
  close(): Promise<void> {
    this.closing ??= Promise.all(this.threads.map((thread) => thread.close())).then(() => undefined);
    return this.closing;
  }

  private reportProgress(): void {
    this.onProgress?.(this.done, Math.max(this.added, this.total ?? 0));
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    this.waiting.push({ jobs: this.batch, handlers: this.handlers });
    this.batch = [];
    this.handlers = [];
    this.dispatch();
  }

  private dispatch(): void {
    for (const thread of this.threads) {
      while (!this.failure && thread.outstanding < IN_FLIGHT && this.waiting.length > 0) {
        const { jobs, handlers } = this.waiting.shift()!;
        thread.run(jobs).then(
          (results) => {
            if (this.failure) return;
            try {
              results.forEach((result, index) => handlers[index]!(result));
            } catch (error) {
              // A handler that throws ends the run as a thread's failure would.
              return this.fail(error as Error);
            }
            this.done += results.length;
            if (this.ended || this.total !== undefined) this.reportProgress();
            this.dispatch();
          },
          (error: Error) => this.fail(error),
        );
      }
    }
    if (this.roomMade && (this.failure || this.waiting.length < QUEUED_BATCHES)) {
      this.roomMade();
      this.roomMade = undefined;
    }
    if (this.failure || (this.ended && this.waiting.length === 0 && this.threads.every((thread) => thread.outstanding === 0))) this.allAnswered?.();
  }

  private fail(error: Error): void {
    if (this.closing) return;
    this.failure ??= error;
    this.roomMade?.();
    this.allAnswered?.();
  }
}
