import { existsSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { ConfigResolver } from '../config/resolve';
import type { AnalyzedDocument } from './analyzedDocument';
import { PolicySet } from './policySet';
import type { AnalysisJob, WorkerRequest, WorkerResponse } from './workerPool';

/** A checking thread: loads each config and catalog once, then parses and checks documents on request. */
const sets = new Map<string, PolicySet>();

function setFor(job: AnalysisJob): PolicySet {
  const key = job.configFile ?? '';
  let set = sets.get(key);
  if (!set) {
    // The job's config file, else the defaults with an editor's default rules and catalog: the main thread's resolution.
    const resolver = new ConfigResolver(job.cwd, job.configFile, { defaultRules: job.defaultRules, defaultCatalog: job.defaultCatalog, catalog: job.catalog });
    const { config, catalog } = resolver.forDirectory(job.cwd);
    sets.set(key, (set = new PolicySet(config, catalog)));
  }
  return set;
}

function analyze(job: AnalysisJob): AnalyzedDocument {
  const set = setFor(job);
  const analyzed = job.indexOnly ? set.summarize(job.path, job.text, job.problem) : set.analyze(job.path, job.text, job.problem, { today: job.today, fileExists: existsSync }).analyzed;
  // The worker keeps no documents: the main thread owns the index.
  set.index.delete(job.path);
  return analyzed;
}

parentPort?.on('message', (request: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    response = { batch: request.batch, analyzed: request.jobs.map(analyze) };
  } catch (error) {
    response = { batch: request.batch, error: `${(error as Error).message}\n${(error as Error).stack ?? ''}` };
  }
  parentPort!.postMessage(response);
});
