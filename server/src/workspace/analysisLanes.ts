import { isRisky } from '../document/complexity';
import type { AnalysisJob, AnalysisResult } from './analysisJob';
import { AnalysisThread, workerFile, workerFileExists } from './analysisThread';
import type { PolicySet } from './policySet';
import { runJob } from './runJob';

/** Jobs per message when many documents go at once (indexing a small workspace). */
const BATCH_SIZE = 10;

/**
 * The checking threads of a long-lived process (the language server), which never parses on its
 * own thread: documents the pre-scan finds risky go to one thread, the rest to another, so a
 * document that uses up its whole time limit holds up only documents like it. Threads start on
 * first use, run below the main thread's priority and do not keep the process alive. Run from sources (unit tests), where there is no
 * bundled thread script, jobs run on the calling thread instead, without a time limit.
 */
export class AnalysisLanes {
  private ordinary?: AnalysisThread;
  private risky?: AnalysisThread;
  private readonly local = new Map<string, PolicySet>();

  constructor(private readonly file = workerFileExists() ? workerFile() : undefined) {}

  /** Analyses one document. */
  async run(job: AnalysisJob): Promise<AnalysisResult> {
    const [result] = await this.runBatch([job], this.isRisky(job));
    return result!;
  }

  /** Analyses many documents, in batches; each result is the analysis or the error that kept it from being made. */
  runAll(jobs: AnalysisJob[], onDone?: (done: number) => void): Promise<(AnalysisResult | Error)[]> {
    const results: (AnalysisResult | Error)[] = new Array(jobs.length);
    let done = 0;
    const groups = [jobs.map((job, index) => ({ job, index })).filter(({ job }) => !this.isRisky(job)), jobs.map((job, index) => ({ job, index })).filter(({ job }) => this.isRisky(job))];
    const batches: Promise<void>[] = [];
    groups.forEach((group, risky) => {
      for (let start = 0; start < group.length; start += BATCH_SIZE) {
        const batch = group.slice(start, start + BATCH_SIZE);
        batches.push(
          this.runBatch(batch.map(({ job }) => job), risky === 1).then(
            (answers) => answers.forEach((answer, at) => (results[batch[at]!.index] = answer)),
            (error: Error) => batch.forEach(({ index }) => (results[index] = error)),
          ).then(() => onDone?.((done += batch.length))),
        );
      }
    });
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
        return Promise.resolve(jobs.map((job) => runJob(job, this.local)));
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    const options = { keepAlive: false, lowPriority: true };
    const thread = risky ? (this.risky ??= new AnalysisThread(this.file, options)) : (this.ordinary ??= new AnalysisThread(this.file, options));
    return thread.run(jobs);
  }

  private isRisky(job: AnalysisJob): boolean {
    return !job.problem && isRisky(job.text);
  }
}
