import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { ConfigResolver } from '../config/resolve';
import { readDocumentFile } from '../document/decode';
import type { PolicyDocument, ReadProblem } from '../document/types';
import type { Finding } from '../findings/types';
import { compareFindings } from '../rules/run';
import type { BaseRevision } from '../rules/types';
import { documentShell, type AnalyzedDocument } from '../workspace/analyzedDocument';
import { PolicySet } from '../workspace/policySet';
import type { DocumentSummary } from '../model/summary';
import { CheckCache } from './cache';
import { AnalysisThread, workerFileExists } from '../workspace/analysisThread';
import { shouldUseWorkers, WorkerPool, type AnalysisJob } from '../workspace/workerPool';

/** One checked file: its findings, and the document (for positions and fixes). */
export interface FileResult {
  path: string;
  document: PolicyDocument;
  summary: DocumentSummary;
  findings: Finding[];
  /** What its own rules found (before the workspace rules), for a run that may reuse it. */
  analyzed: AnalyzedDocument;
}

export interface CheckRunOptions {
  today?: string;
  configFile?: string;
  cwd: string;
  /** Text to use instead of the file on disk (path → text), for --fix passes. */
  texts?: Map<string, string>;
  /** Reads a file instead of the disk (a past revision's files, read through git). */
  read?: (path: string) => { text: string; problem?: ReadProblem };
  /** A config file's text when it is not the file on disk (a past revision's): checking threads read it from here. */
  configText?: (file: string) => string | undefined;
  /** Whether a linked file exists, instead of asking the disk. */
  fileExists?: (path: string) => boolean;
  /** The base revision of a change, for the change-discipline rules (the cache's workspace findings are then not used). */
  base?: BaseRevision;
  /**
   * Analyses taken as they are, by path: a file the other side of a diff holds with the same text
   * under the same config. Its own rules' findings are reused; the workspace rules run again.
   */
  reuse?: Map<string, { text: string; analyzed: AnalyzedDocument }>;
  /** Summaries of documents not checked but indexed beside the checked ones (check --changed-since), by path. */
  indexed?: Map<string, DocumentSummary>;
  cache?: CheckCache;
  /** Analyse again the cached files whose findings carry automatic fixes (for --fix: fixes never come from the cache). */
  cacheWithoutFixes?: boolean;
  /** The command's resolver, so configs found while listing the files are not read again. */
  resolver?: ConfigResolver;
  /** Index the documents without running any rule (coverage and trace read only the index); results have no findings. */
  indexOnly?: boolean;
  /** Use worker threads when there are enough documents (default true). */
  parallel?: boolean;
  /** Parse and check everything on this thread: no checking threads and no time budget (a reference run for tests). */
  oneThread?: boolean;
  onProgress?: (done: number, total: number) => void;
}

interface Pending {
  path: string;
  set: PolicySet;
  text: string;
  problem?: ReadProblem;
  cacheKey?: string;
  analyzed?: AnalyzedDocument;
  document?: PolicyDocument;
}

/**
 * Checks files: each is governed by its nearest config (grouped into policy sets), analysed once
 * (on worker threads when it pays off, or taken from the cache), indexed, then checked against the
 * whole set by the workspace rules. Files excluded by their config are skipped. Order is stable.
 */
export async function checkFiles(paths: string[], options: CheckRunOptions): Promise<{ results: FileResult[]; sets: PolicySet[] }> {
  // Without a cache every file will be parsed: start the checking threads first, so they load while
  // this thread lists the files, and hand each file out as soon as it is read. With a cache, threads
  // start only once it is known that enough files changed.
  const streamed = options.parallel !== false && !options.oneThread && !options.cache && !options.reuse && shouldUseWorkers(paths.length) ? new WorkerPool(options.onProgress) : undefined;
  try {
    return await checkWith(streamed, paths, options);
  } finally {
    await streamed?.close();
  }
}

async function checkWith(streamed: WorkerPool | undefined, paths: string[], options: CheckRunOptions): Promise<{ results: FileResult[]; sets: PolicySet[] }> {
  const resolver = options.resolver ?? new ConfigResolver(options.cwd, options.configFile, { confineToRepository: true });
  const sets = new Map<string, PolicySet>();
  const pending: Pending[] = [];
  for (const path of paths) {
    const { config, catalog } = resolver.forDocument(path);
    const key = config.file ?? '';
    let set = sets.get(key);
    if (!set) sets.set(key, (set = new PolicySet(config, catalog)));
    if (set.isExcluded(path)) continue;
    const override = options.texts?.get(path);
    const reused = options.reuse?.get(path);
    const { text, problem } = override !== undefined ? { text: override, problem: undefined } : reused ? { text: reused.text, problem: undefined } : (options.read ?? readDocumentFile)(path);
    const entry: Pending = { path, set, text, problem, analyzed: reused?.analyzed };
    if (options.cache) {
      entry.cacheKey = options.cache.key(set, text, problem, set.today(options.today));
      entry.analyzed = options.cache.get(path, entry.cacheKey, text.length, { withoutFixes: options.cacheWithoutFixes });
    }
    pending.push(entry);
    streamed?.add(job(entry, options));
  }
  if (streamed) await collect(streamed, pending);
  else await analyze(pending.filter((entry) => !entry.analyzed), options);
  for (const [path, summary] of options.indexed ?? []) {
    const { config, catalog } = resolver.forDocument(path);
    const set = sets.get(config.file ?? '') ?? new PolicySet(config, catalog);
    sets.set(config.file ?? '', set);
    set.index.set(summary);
  }
  for (const entry of pending) {
    entry.set.index.set(entry.analyzed!.summary);
    // A parse stopped at the time limit may pass on a quieter machine: try it again next run.
    if (entry.cacheKey && !entry.analyzed!.stopped) options.cache!.set(entry.path, entry.cacheKey, entry.analyzed!);
  }
  // Many documents link to the same few files: ask the filesystem once per path.
  const known = new Map<string, boolean>();
  const exists = options.fileExists ?? existsSync;
  const fileExists = (path: string) => known.get(path) ?? (known.set(path, exists(path)), known.get(path)!);
  // Each set's rules fall back to its config's `today` when no date was given (PolicySet.today).
  const environment = { today: options.today, fileExists, base: options.base };
  // With a cache, an unchanged file set reuses the workspace rules' findings too, unless a file they
  // looked for (a linked PDF) has appeared or gone since.
  // The key names the checked files only: with a base or documents indexed beside them, the workspace rules read more.
  const workspaceKey = options.cache && !options.base && !options.indexed ? createHash('sha1').update(pending.map((entry) => `${entry.path}\0${entry.cacheKey}`).join('\n')).digest('hex') : undefined;
  const cachedWorkspace = workspaceKey ? options.cache!.workspaceFindings(workspaceKey, fileExists) : undefined;
  const workspaceFindings = new Map<string, Finding[]>();
  const results = pending.map((entry) => {
    const document = entry.document ?? documentShell(entry.path, entry.text, entry.analyzed!);
    const fromWorkspace = options.indexOnly ? [] : (cachedWorkspace?.get(entry.path) ?? entry.set.check(document, entry.analyzed!.summary, environment, 'workspace'));
    workspaceFindings.set(entry.path, fromWorkspace);
    const findings = [...entry.analyzed!.findings, ...fromWorkspace].sort(compareFindings);
    return { path: entry.path, document, summary: entry.analyzed!.summary, findings, analyzed: entry.analyzed! };
  });
  if (workspaceKey) options.cache!.setWorkspaceFindings(workspaceKey, workspaceFindings, known);
  return { results, sets: [...sets.values()] };
}

function job(entry: Pending, options: CheckRunOptions): AnalysisJob {
  const configText = entry.set.config.file === undefined ? undefined : options.configText?.(entry.set.config.file);
  return {
    path: entry.path,
    text: entry.text,
    problem: entry.problem,
    configFile: entry.set.config.file,
    // The catalog this thread resolved (--catalog included): the worker must not fall back to the config's.
    catalog: entry.set.config.catalogPath,
    ...(configText === undefined ? {} : { configText }),
    cwd: options.cwd,
    today: entry.set.today(options.today),
    parseSeconds: entry.set.config.limits.parseSeconds,
    indexOnly: options.indexOnly,
  };
}

/** Waits for the threads' analyses of the entries handed to them, then lets the threads go. */
async function collect(pool: WorkerPool, entries: Pending[]): Promise<void> {
  const analyzed = await pool.analyzed();
  entries.forEach((entry, index) => (entry.analyzed = analyzed[index]));
  // The workspace rules that follow run on this thread alone.
  void pool.close();
}

/**
 * Analyses the files a cache run found changed: on threads when there are enough of them, else on
 * one thread that is stopped at the time limit. The pre-scan only knows the slow inputs found so
 * far; the thread bounds any other. It costs about 0.1 s a run (20 documents: 0.63 s → 0.71 s,
 * 26: 0.74 s → 0.86 s), a price worth a check that always ends. Unreadable files stay here.
 */
async function analyze(entries: Pending[], options: CheckRunOptions): Promise<void> {
  if (options.parallel !== false && !options.oneThread && shouldUseWorkers(entries.length)) {
    const pool = new WorkerPool(options.onProgress);
    try {
      for (const entry of entries) pool.add(job(entry, options));
      await collect(pool, entries);
    } finally {
      await pool.close();
    }
    return;
  }
  const timed = new Set(workerFileExists() && !options.oneThread ? entries.filter((entry) => !entry.problem) : []);
  const thread = timed.size > 0 ? new AnalysisThread() : undefined;
  try {
    const offThread = thread?.run([...timed].map((entry) => job(entry, options)));
    let done = 0;
    for (const entry of entries) {
      if (timed.has(entry)) continue;
      if (options.indexOnly) entry.analyzed = entry.set.summarize(entry.path, entry.text, entry.problem);
      else ({ document: entry.document, analyzed: entry.analyzed } = entry.set.analyze(entry.path, entry.text, entry.problem, { today: options.today, fileExists: options.fileExists ?? existsSync }));
      options.onProgress?.(++done, entries.length);
    }
    if (offThread) {
      const results = await offThread;
      [...timed].forEach((entry, index) => (entry.analyzed = results[index]!.analyzed));
      options.onProgress?.(entries.length, entries.length);
    }
  } finally {
    await thread?.close();
  }
}
