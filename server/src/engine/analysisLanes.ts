import { isRisky } from '../document/complexity';
import type { AnalysisJob, AnalysisResult } from './analysisJob';
import { AnalysisThread, workerFile, workerFileExists, type ThreadOptions } from './analysisThread';
import type { PolicySet } from './policySet';
import { runJob } from './runJob';
import { sharedStrings } from './sharedStrings';

/** Jobs per message when many documents go at once (indexing a small workspace). */
const BATCH_SIZE = 10;

/**
 * The young generation of each lane's thread. V8's default (48 MB) kept 32 MB of new space in use
 * while the thread idled with some 15 MB of live objects; the lanes analyse one edited document at a
 * time, for which 16 MB is as quick (2,000 and 10,000 documents, 31 KB document); 21 MB less memory.
 * The 2 MB document of policy prose that is the largest Clausewise reads still parses within the
 * thread's old generation (OLD_GENERATION_MB).
 */
const YOUNG_GENERATION_MB = 16;
/** Both lanes' threads: the process may exit while they idle, and each has YOUNG_GENERATION_MB of young generation. */
const LANE_THREAD: ThreadOptions = { keepAlive: false, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } };

/**
 * The checking threads of a long-lived process (the language server), which never parses on its
 * own thread: documents the pre-scan finds risky, or whose last parse was stopped, go to one
 * thread, the rest to another, so a document that uses up its whole time limit holds up only
 * documents like it. The risky thread runs below the main thread's priority, so that such a parse
 * does not delay answers; the other keeps the normal priority, so that ordinary documents' findings
 * are not delayed by other work on the machine. Threads start on first use and do not keep the
 * process alive. Run from sources (unit tests), where there is no bundled thread script, jobs run
 * on the calling thread instead, without a time limit.
 */
export class AnalysisLanes {
  private ordinary?: AnalysisThread;
  private risky?: AnalysisThread;
  private readonly local = new Map<string, PolicySet>();
  /** Documents whose last parse was stopped at the time limit. */
  private readonly slow = new Set<string>();

  constructor(private readonly file = workerFileExists() ? workerFile() : undefined) {}

  /** False when run from sources, without a thread script: jobs then run on the calling thread. */
  get threaded(): boolean {
    return this.file !== undefined;
  }

  /** Analyses one document. */
  async run(job: AnalysisJob): Promise<AnalysisResult> {
    const [result] = await this.runBatch([job], this.isRisky(job));
    return result!;
  }

  /** Analyses many documents, in batches; each result is the analysis or the error that kept it from being made. */
  runAll(jobs: AnalysisJob[], onDone?: (done: number) => void): Promise<(AnalysisResult | Error)[]> {
    const results: (AnalysisResult | Error)[] = new Array(jobs.length);
    const lanes = new Map<boolean, number[]>([[false, []], [true, []]]);
    jobs.forEach((job, index) => lanes.get(this.isRisky(job))!.push(index));
    let done = 0;
    const batches: Promise<void>[] = [];
    for (const [risky, indexes] of lanes) {
      for (let start = 0; start < indexes.length; start += BATCH_SIZE) {
        const batch = indexes.slice(start, start + BATCH_SIZE);
        const answered = this.runBatch(batch.map((index) => jobs[index]!), risky).then(
          (answers) => batch.forEach((index, at) => (results[index] = answers[at]!)),
          (error: Error) => batch.forEach((index) => (results[index] = error)),
        );
        batches.push(answered.then(() => onDone?.((done += batch.length))));
      }
    }
    return Promise.all(batches).then(() => results);
  }

  /** Stops the threads (pending jobs fail); the next job starts new ones, which read configs afresh. */
  async restart(): Promise<void> {
    const threads = [this.ordinary, this.risky];
    this.ordinary = this.risky = undefined;
    this.local.clear();
    await Promise.all(threads.map((thread) => thread?.close()));
  }

  private runBatch(jobs: AnalysisJob[], risky: boolean): Promise<AnalysisResult[]> {
    if (!this.file) {
      try {
        // Shared here as a thread's results are on arrival (AnalysisThread), so that every analysis the lanes return is.
        return Promise.resolve(jobs.map((job) => runJob(job, this.local)).map((result) => (sharedStrings.shareAnalysis(result.analyzed), result)));
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    const thread = risky
      ? (this.risky ??= new AnalysisThread(this.file, { ...LANE_THREAD, lowPriority: true }))
      : (this.ordinary ??= new AnalysisThread(this.file, LANE_THREAD));
    return thread.run(jobs).then((results) => {
      results.forEach((result, index) => (result.analyzed.stopped ? this.slow.add(jobs[index]!.path) : this.slow.delete(jobs[index]!.path)));
      return results;
    });
  }

  private isRisky(job: AnalysisJob): boolean {
    return this.slow.has(job.path) || (!job.problem && isRisky(job.text));
  }
}
