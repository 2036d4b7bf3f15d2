import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { ConfigResolver } from '../config/resolve';
import { readDocumentFile } from '../document/decode';
import type { PolicyDocument, ReadProblem } from '../document/types';
import type { Finding } from '../findings/types';
import type { BaseRevision } from '../rules/types';
import type { DocumentSummary } from '../model/summary';
import type { AnalysisJob } from './analysisJob';
import { AnalysisRun, type RunEntry } from './analysisRun';
import { treelessDocument, treelessReadingText, type AnalyzedDocument } from './analyzedDocument';
import type { PolicySet } from './policySet';
import { PolicySets } from './policySets';

/**
 * What a batch reads from and writes to a store of earlier analyses (the CLI's cache file): each
 * file's analysis under a key made of its text and its set's config, and the workspace rules'
 * findings under a key made of every file's.
 */
export interface AnalysisCache {
  key(set: PolicySet, text: string, problem: ReadProblem | undefined, today: string): string;
  get(path: string, key: string, textLength: number, options: { withoutFixes?: boolean }): AnalyzedDocument | undefined;
  set(path: string, key: string, analyzed: AnalyzedDocument): void;
  /** The stored workspace findings, unless a file they looked for has appeared or gone since. */
  workspaceFindings(workspaceKey: string, exists: (path: string) => boolean): Map<string, Finding[]> | undefined;
  setWorkspaceFindings(workspaceKey: string, findings: Map<string, Finding[]>, probes: Map<string, boolean>): void;
}

/** One checked file: its findings, and the document (for positions and fixes). */
export interface FileResult {
  path: string;
  document: PolicyDocument;
  summary: DocumentSummary;
  findings: Finding[];
  /** What its own rules found (before the workspace rules), for a run that may reuse it. */
  analyzed: AnalyzedDocument;
}

export interface BatchOptions {
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
  cache?: AnalysisCache;
  /** Analyse again the cached files whose findings carry automatic fixes (for --fix: fixes never come from the cache). */
  cacheWithoutFixes?: boolean;
  /** The command's resolver, so configs found while listing the files are not read again. */
  resolver?: ConfigResolver;
  /**
   * The policy sets the files were listed with (inputsOf), so each config's set is made once per
   * command. The run files its documents into their indexes: pass the same sets again only to
   * check the same files again (fix passes).
   */
  sets?: PolicySets;
  /**
   * Keep no copy of a file's text once it is analysed (check without --fix or --base, whose reports
   * read only positions; coverage and trace, which read only the index): each result's document
   * keeps line starts and reads the file again if its text is asked for. Not with `texts`, `read`,
   * `reuse` or `base`, whose texts are not the files on disk or are read by the workspace rules.
   */
  dropTexts?: boolean;
  /** Index the documents without running any rule (coverage and trace read only the index); results have no findings. */
  indexOnly?: boolean;
  /** Use worker threads when there are enough documents (default true). */
  parallel?: boolean;
  /** Parse and check everything on this thread: no checking threads and no time budget (a reference run for tests). */
  oneThread?: boolean;
  onProgress?: (done: number, total: number) => void;
}

interface Entry {
  path: string;
  set: PolicySet;
  /** The file's text, until it is filed when the batch drops texts. */
  text?: string;
  problem?: ReadProblem;
  cacheKey?: string;
  analyzed?: AnalyzedDocument;
  /** The full parse, for a file analysed on this thread. */
  document?: PolicyDocument;
  /** The document without its text (line starts only), once a batch that drops texts has filed it. */
  textless?: PolicyDocument;
}

/** What a batch gives back: each file's result (in the order given, excluded files left out) and the sets that govern them. */
export interface BatchResult {
  results: FileResult[];
  sets: PolicySet[];
}

/**
 * The engine's batch: analyses files, each governed by its nearest config (grouped into policy
 * sets), once each (on checking threads when it pays off, or taken from the cache), files each
 * analysis in its set's index as it arrives, then checks every file against its whole set with the
 * workspace rules. Files excluded by their config are skipped. Order is stable. The CLI's commands
 * and the rule-fixture tests run through here; the language server's session files its indexing
 * through the same pool and threads.
 */
export async function checkFiles(paths: string[], options: BatchOptions): Promise<BatchResult> {
  const sets = options.sets ?? new PolicySets(options.resolver ?? new ConfigResolver(options.cwd, options.configFile, { confineToRepository: true }));
  const runOf = (expected: number) => new AnalysisRun({ expected, parallel: options.parallel, oneThread: options.oneThread, onProgress: options.onProgress });
  // Without a cache every file will be parsed: start the run first, so its threads load while this
  // thread lists the files, and hand each file out as soon as it is read. With a cache, the run
  // starts once it is known how many files changed.
  let run = options.cache || options.reuse ? undefined : runOf(paths.length);
  try {
    const used = new Set<PolicySet>();
    const entries: Entry[] = [];
    const unanalyzed: Entry[] = [];
    for (const path of paths) {
      const set = sets.forPath(path);
      used.add(set);
      if (set.isExcluded(path)) continue;
      const override = options.texts?.get(path);
      const reused = options.reuse?.get(path);
      const { text, problem } = override !== undefined ? { text: override, problem: undefined } : reused ? { text: reused.text, problem: undefined } : (options.read ?? readDocumentFile)(path);
      const entry: Entry = { path, set, text, problem };
      entries.push(entry);
      const analyzed = reused?.analyzed ?? cached(entry, options);
      if (analyzed) file(entry, analyzed, options);
      else if (run) {
        run.add(runEntry(entry, options));
        await run.room();
      } else unanalyzed.push(entry);
    }
    run ??= runOf(unanalyzed.length);
    for (const entry of unanalyzed) run.add(runEntry(entry, options));
    await run.finished();
    for (const [path, summary] of options.indexed ?? []) {
      const set = sets.forPath(path);
      used.add(set);
      set.index.set(summary);
    }
    for (const entry of entries) {
      // A parse stopped at the time limit may pass on a quieter machine: try it again next run.
      if (entry.cacheKey && !entry.analyzed!.stopped) options.cache!.set(entry.path, entry.cacheKey, entry.analyzed!);
    }
    return { results: checkWorkspace(entries, options), sets: [...used] };
  } finally {
    await run?.close();
  }
}

/** An entry as a run takes it: analysed on a checking thread and filed, or analysed (and so indexed) here. */
function runEntry(entry: Entry, options: BatchOptions): RunEntry {
  return {
    job: job(entry, options),
    onResult: (result) => file(entry, result.analyzed, options),
    analyzeHere: () => {
      if (options.indexOnly) entry.analyzed = entry.set.summarize(entry.path, entry.text!, entry.problem);
      else ({ document: entry.document, analyzed: entry.analyzed } = entry.set.analyze(entry.path, entry.text!, entry.problem, { today: options.today, fileExists: options.fileExists ?? existsSync }));
    },
  };
}

/** The cache's analysis of an entry (noting its key for storing a new one), if it holds one for this text and config. */
function cached(entry: Entry, options: BatchOptions): AnalyzedDocument | undefined {
  if (!options.cache) return undefined;
  entry.cacheKey = options.cache.key(entry.set, entry.text!, entry.problem, entry.set.today(options.today));
  return options.cache.get(entry.path, entry.cacheKey, entry.text!.length, { withoutFixes: options.cacheWithoutFixes });
}

/** Files an analysis made elsewhere (a checking thread, the cache, the other side of a diff) in its set's index. */
function file(entry: Entry, analyzed: AnalyzedDocument, options: BatchOptions): void {
  entry.analyzed = analyzed;
  entry.set.index.set(analyzed.summary);
  if (!dropsTexts(options)) return;
  entry.textless = treelessReadingText(entry.path, entry.text!, analyzed, (path) => readDocumentFile(path).text);
  entry.text = undefined;
}

/** Whether the batch drops each text once filed: asked for, and every text is the file on disk and read by no workspace rule. */
function dropsTexts(options: BatchOptions): boolean {
  return options.dropTexts === true && !options.texts && !options.read && !options.reuse && !options.base;
}

/** Runs the workspace rules over the filed entries (or takes their findings from the cache) and merges each file's findings. */
function checkWorkspace(entries: Entry[], options: BatchOptions): FileResult[] {
  // Many documents link to the same few files: ask the filesystem once per path.
  const known = new Map<string, boolean>();
  const exists = options.fileExists ?? existsSync;
  const fileExists = (path: string) => known.get(path) ?? (known.set(path, exists(path)), known.get(path)!);
  // Each set's rules fall back to its config's `today` when no date was given (PolicySet.today).
  const environment = { today: options.today, fileExists, base: options.base };
  // With a cache, an unchanged file set reuses the workspace rules' findings too, unless a file they
  // looked for (a linked PDF) has appeared or gone since.
  // The key names the checked files only: with a base or documents indexed beside them, the workspace rules read more.
  const workspaceKey = options.cache && !options.base && !options.indexed ? createHash('sha1').update(entries.map((entry) => `${entry.path}\0${entry.cacheKey}`).join('\n')).digest('hex') : undefined;
  const cachedWorkspace = workspaceKey ? options.cache!.workspaceFindings(workspaceKey, fileExists) : undefined;
  const workspaceFindings = new Map<string, Finding[]>();
  const results = entries.map((entry) => {
    const document = entry.document ?? entry.textless ?? treelessDocument(entry.path, entry.text!, entry.analyzed!);
    const fromWorkspace = options.indexOnly ? [] : (cachedWorkspace?.get(entry.path) ?? entry.set.check(document, entry.analyzed!.summary, environment, 'workspace'));
    workspaceFindings.set(entry.path, fromWorkspace);
    const findings = entry.set.withWorkspaceFindings(entry.analyzed!, fromWorkspace);
    return { path: entry.path, document, summary: entry.analyzed!.summary, findings, analyzed: entry.analyzed! };
  });
  if (workspaceKey) options.cache!.setWorkspaceFindings(workspaceKey, workspaceFindings, known);
  return results;
}

function job(entry: Entry, options: BatchOptions): AnalysisJob {
  const configText = entry.set.config.file === undefined ? undefined : options.configText?.(entry.set.config.file);
  return {
    ...entry.set.job({ path: entry.path, text: entry.text!, problem: entry.problem }, options.cwd, options.today),
    // The catalog this thread resolved (--catalog included): the worker must not fall back to the config's.
    catalog: entry.set.config.catalogPath,
    ...(configText === undefined ? {} : { configText }),
    indexOnly: options.indexOnly,
  };
}
