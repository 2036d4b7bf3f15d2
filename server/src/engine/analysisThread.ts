import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { memoryLimitProblem, timeLimitProblem } from '../document/complexity';
import type { AnalysisJob, AnalysisResult, WorkerRequest, WorkerResponse } from './analysisJob';
import { FindingUnpacker } from './packedFindings';
import { sharedStrings } from './sharedStrings';

/**
 * Where a checking thread says which job it is on, without a message per job: the request and the
 * job's index in it, when the job started (ms after the thread's epoch, wrapping), and whether it
 * is busy. The thread writes it; the watchdog here reads it.
 */
export const PROGRESS = { request: 0, index: 1, started: 2, busy: 3, length: 4 } as const;

/** What a checking thread is started with. */
export interface ThreadData {
  progress: SharedArrayBuffer;
  epoch: number;
  /** Run below the priority of the thread that answers requests (Linux only). */
  lowPriority: boolean;
}

/** How a checking thread runs. */
export interface ThreadOptions {
  /** The young generation's size, and the old generation's when not OLD_GENERATION_MB. */
  resourceLimits?: { maxYoungGenerationSizeMb?: number; maxOldGenerationSizeMb?: number };
  /** False lets the process end while the thread idles (a server's thread, which lives as long as the process). */
  keepAlive?: boolean;
  /**
   * The thread yields the CPU to the process's main thread (a server's, which answers requests):
   * on two cores shared with other work, a parse running to its time limit otherwise delays answers.
   */
  lowPriority?: boolean;
}

/**
 * The old generation a checking thread may grow to. Ordinary documents keep some 25 MB alive, and
 * with a limit this low V8 collects before the heap fills with garbage (a thread's heap peaked at
 * 160 MB without one, 2,000 documents; about 60 MB with). A 2 MB document of ordinary policy prose,
 * the largest Clausewise reads, parses within it (128 MB does not suffice); a document that needs
 * more ends its thread and is reported as too complex, like one that runs out of time.
 */
export const OLD_GENERATION_MB = 256;


/** How often the watchdog looks at the thread; a stopped parse is noticed this much after its limit at most. */
const WATCH_MS = 50;

export function workerFile(): string {
  return join(__dirname, 'worker.js');
}

export function workerFileExists(): boolean {
  return existsSync(workerFile());
}

interface Pending {
  id: number;
  jobs: AnalysisJob[];
  resolve(results: AnalysisResult[]): void;
  reject(error: Error): void;
}

/**
 * One checking thread that parses on a budget: a job that runs past its `parseSeconds` is stopped by
 * ending the thread (a parse cannot be interrupted any other way). The job then comes back as
 * document-too-complex, its request's other jobs and every later request run on a new thread, and
 * no caller sees the difference but the finding. A thread that fails fails the requests it held;
 * the next request starts a new one.
 */
export class AnalysisThread {
  private worker?: Worker;
  private progress = new Int32Array(new SharedArrayBuffer(PROGRESS.length * Int32Array.BYTES_PER_ELEMENT));
  private epoch = 0;
  private readonly pending: Pending[] = [];
  private nextId = 0;
  private watchdog?: NodeJS.Timeout;
  private closed = false;

  /** `file` is the thread's script: the bundled dist/worker.js unless a test gives another. */
  constructor(
    private readonly file = workerFile(),
    private readonly options: ThreadOptions = {},
  ) {
    this.start();
  }

  /** Requests sent and not yet answered. */
  get outstanding(): number {
    return this.pending.length;
  }

  /** Analyses the jobs, in order, on this thread. */
  run(jobs: AnalysisJob[]): Promise<AnalysisResult[]> {
    if (this.closed) return Promise.reject(new Error('the checking thread was closed'));
    return new Promise((resolve, reject) => {
      const request: Pending = { id: this.nextId++, jobs, resolve, reject };
      this.pending.push(request);
      if (!this.worker) this.start();
      else this.post(request);
      this.watch();
    });
  }

  /** Stops the thread; pending requests fail. */
  async close(): Promise<void> {
    this.closed = true;
    this.fail(new Error('the checking thread was closed'));
    await this.stop();
  }

  private start(): void {
    const progress = new SharedArrayBuffer(PROGRESS.length * Int32Array.BYTES_PER_ELEMENT);
    this.progress = new Int32Array(progress);
    this.epoch = Date.now();
    const workerData: ThreadData = { progress, epoch: this.epoch, lowPriority: this.options.lowPriority ?? false };
    const worker = new Worker(this.file, { resourceLimits: this.resourceLimits(), workerData });
    this.worker = worker;
    if (this.options.keepAlive === false) worker.unref();
    // A new thread starts its string table afresh, and so does its reader.
    const unpacker = new FindingUnpacker((value) => sharedStrings.share(value));
    worker.on('message', (response: WorkerResponse) => {
      const index = this.pending.findIndex((request) => request.id === response.request);
      // Every answer is unpacked, even one no request waits for any more: the table goes on from it.
      const findings = 'error' in response ? [] : unpacker.unpack(response.findings);
      if (index < 0) return;
      const [request] = this.pending.splice(index, 1);
      if ('error' in response) request!.reject(new Error(response.error));
      else {
        response.results.forEach((result, at) => (result.analyzed.findings = findings[at]!));
        for (const result of response.results) sharedStrings.shareAnalysis(result.analyzed);
        request!.resolve(response.results);
      }
      if (this.pending.length === 0) this.unwatch();
    });
    worker.on('error', (error) => this.crashed(worker, error));
    worker.on('exit', (code) => this.crashed(worker, new Error(`a checking thread stopped with code ${code}`)));
    for (const request of this.pending) this.post(request);
  }

  private post(request: Pending): void {
    this.worker!.postMessage({ request: request.id, jobs: request.jobs } satisfies WorkerRequest);
  }

  private crashed(worker: Worker, error: Error): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    // Out of memory on a job: that document is too complex, the others go on.
    const running = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? this.running() : undefined;
    if (running) this.skip(running, memoryLimitProblem(this.resourceLimits().maxOldGenerationSizeMb));
    else this.fail(error);
  }

  private resourceLimits(): { maxYoungGenerationSizeMb?: number; maxOldGenerationSizeMb: number } {
    return { ...this.options.resourceLimits, maxOldGenerationSizeMb: this.options.resourceLimits?.maxOldGenerationSizeMb ?? OLD_GENERATION_MB };
  }

  private fail(error: Error): void {
    for (const request of this.pending.splice(0)) request.reject(error);
    this.unwatch();
  }

  private async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    worker.removeAllListeners();
    // An 'error' after terminate must not become an uncaught exception.
    worker.on('error', () => undefined);
    await worker.terminate();
  }

  private watch(): void {
    this.watchdog ??= setInterval(() => this.check(), WATCH_MS).unref();
  }

  private unwatch(): void {
    clearInterval(this.watchdog);
    this.watchdog = undefined;
  }

  /** Stops the job in progress when it has run past its limit, and carries on with the rest on a new thread. */
  private check(): void {
    const running = this.running();
    if (!running || running.elapsed <= running.job.parseSeconds * 1000) return;
    this.skip(running, timeLimitProblem(running.job.parseSeconds));
  }

  /** Reports the job in progress as too complex instead of analysing it, and runs its request again on a new thread. */
  private skip({ request, index }: { request: Pending; index: number }, problem: { message: string; range: { start: number; end: number } }): void {
    request.jobs = request.jobs.map((each, at) => (at === index ? { ...each, problem: { kind: 'too-complex', ...problem }, stopped: true } : each));
    void this.stop();
    this.start();
  }

  /** The job the thread is on and how long it has been on it, read twice so that a job finishing meanwhile is not blamed. */
  private running(): { request: Pending; job: AnalysisJob; index: number; elapsed: number } | undefined {
    const read = () => [PROGRESS.busy, PROGRESS.request, PROGRESS.index, PROGRESS.started].map((slot) => Atomics.load(this.progress, slot));
    const first = read();
    const second = read();
    if (first.some((value, slot) => value !== second[slot]) || first[0] !== 1) return undefined;
    const [, id, index, started] = first as [number, number, number, number];
    const request = this.pending.find((each) => each.id === id);
    const job = request?.jobs[index];
    if (!request || !job) return undefined;
    return { request, job, index, elapsed: (((Date.now() - this.epoch) | 0) - started) | 0 };
  }
}
