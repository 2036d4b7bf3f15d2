import { dirname } from 'node:path';
import { ConfigResolver, type ResolverOptions } from '../config/resolve';
import { received } from '../document/transfer';
import type { PolicyDocument, ReadProblem } from '../document/types';
import type { Finding } from '../findings/types';
import { DataFileError, type SourceProblem } from '../yaml/problem';
import { treelessDocument, treelessReadingText, type AnalyzedDocument } from './analyzedDocument';
import { dependentsOf } from './dependents';
import type { AnalysisJob, AnalysisResult } from './analysisJob';
import { AnalysisLanes } from './analysisLanes';
import { AnalysisRun, type RunEntry } from './analysisRun';
import { untilAborted } from './untilAborted';
import type { PolicySet, CheckEnvironment } from './policySet';
import { PolicySets } from './policySets';
import { keepFixNotes } from './fixNotes';
import { sharedStrings } from './sharedStrings';
import type { DocumentSummary } from '../model/summary';

/** A document of a long-lived workspace (the language server's), as it was last analysed. */
export interface SessionDocument {
  path: string;
  set: PolicySet;
  analyzed: AnalyzedDocument;
  /** Text, line starts and suppressions: enough for positions and for the workspace rules. */
  treeless: PolicyDocument;
  /** The full parse, kept only for documents analysed with `keepDocument` (open in an editor). */
  document?: PolicyDocument;
  /** Every finding: the document's own rules' and the workspace rules'. */
  findings: Finding[];
  /**
   * Whether the findings' fixes carry their edits. Not those of a closed document in a session that
   * reads files (the language server's): there each fix only names itself (title, automatic), which
   * is all a published diagnostic says of it, and findingsWithFixes rebuilds the fixes from the file
   * when a code action asks. On 2,000 documents the edits and stubs were a fifth of the server's heap.
   */
  fixEdits: boolean;
}

/** A document to analyse: its text as the editor or the disk has it. */
export interface DocumentSource {
  path: string;
  text: string;
  problem?: ReadProblem;
  /** Keep the full parse (a document open in an editor: hover and completion read it). */
  keepDocument: boolean;
  /** Files that count as existing though they may not be on disk (an editor's unsaved documents). */
  openPaths?: string[];
}

/** What the caller of a session's analysis decides and hears about one document. */
export interface FilingOptions {
  /** Asked before an analysis from a thread is filed: false when it was overtaken meanwhile (a newer edit). */
  mayFile(): boolean;
  /** Rules that threw on a checking thread (each is a finding too). */
  onRuleErrors?(errors: NonNullable<AnalysisResult['ruleErrors']>): void;
  /** Told of the change once the analysis is filed. */
  onFiled?(change: DocumentChange): void;
  /** The threads could not analyse this document. */
  onError?(error: Error): void;
}

/** How one document's summary changed (`before` undefined: new; `after` undefined: gone). */
export interface DocumentChange {
  path: string;
  set: PolicySet;
  before?: DocumentSummary;
  after?: DocumentSummary;
}

/**
 * The engine's session: documents under one or more configs kept up to date one change at a time,
 * for a process that lives long (the language server). It owns the process's checking threads;
 * each document is parsed once per change, on a thread, and filed here; the rules that read other
 * documents re-run only for the documents a change can affect. The findings equal `checkFiles`'.
 */
export class Session {
  private readonly resolver: ConfigResolver;
  private readonly sets: PolicySets;
  /** The session's own checking threads: every parse of a long-lived process runs there, on a time budget. */
  private readonly lanes = new AnalysisLanes();
  private readonly documents = new Map<string, SessionDocument>();
  private readonly brokenConfigs = new Map<string, DataFileError>();
  private options: ResolverOptions = {};
  /** Closed policy documents keep their suggestion scores (asked for once by keepSuggestionScores, until reset). */
  private scoring = false;
  /** The findings with fixes rebuilt for a closed document (findingsWithFixes), by the findings they stand in for. */
  private readonly rebuilt = new WeakMap<Finding[], Finding[]>();

  constructor(
    /** The folder a document without a config file is governed from (its default config's root). */
    readonly defaultRoot: string,
    private readonly environment: CheckEnvironment,
    /**
     * Reads a document's text from where it lives (its file). When given, the workspace keeps no
     * copy of the text of a document filed without its parse (not open in an editor), nor its fixes'
     * edits, and reads it again when a request needs them; without it, everything is kept.
     */
    private readonly readText?: (path: string) => string,
  ) {
    this.resolver = new ConfigResolver(defaultRoot);
    this.sets = new PolicySets(this.resolver);
  }

  /** The policy set governing documents of a folder; throws DataFileError when its config or catalog cannot be used. */
  setForDirectory(dir: string): PolicySet {
    const broken = this.brokenConfigs.get(dir);
    if (broken) throw broken;
    try {
      return this.sets.forDirectory(dir);
    } catch (error) {
      if (error instanceof DataFileError) this.brokenConfigs.set(dir, error);
      throw error;
    }
  }

  /** The policy set governing a document; throws DataFileError when its config or catalog cannot be used. */
  setFor(path: string): PolicySet {
    return this.setForDirectory(dirname(path));
  }

  /** True when the document's own config excludes it (it is then never checked). */
  isExcluded(path: string): boolean {
    return this.setFor(path).isExcluded(path);
  }

  /**
   * Parses a document, indexes it and runs the rules that read only it. Call checkWorkspace for
   * it (and its dependents) afterwards. Throws DataFileError when its config cannot be used.
   */
  analyze(path: string, text: string, options: { problem?: ReadProblem; keepDocument?: boolean } = {}): DocumentChange {
    return this.record(path, !options.keepDocument, (set) => {
      const { document, analyzed } = set.analyze(path, text, options.problem, this.environment);
      sharedStrings.shareAnalysis(analyzed);
      return { analyzed, treeless: treelessDocument(path, document.text, analyzed, document.lineStarts), document: options.keepDocument ? document : undefined };
    });
  }

  /** Forgets a document (deleted, or no longer checked). */
  remove(path: string): DocumentChange | undefined {
    const entry = this.documents.get(path);
    if (!entry) return undefined;
    const before = entry.set.index.get(path);
    entry.set.index.delete(path);
    this.documents.delete(path);
    return { path, set: entry.set, before };
  }

  /** The other documents whose findings a change can affect. */
  dependents(change: DocumentChange): string[] {
    return dependentsOf(change.set.index, change.before, change.after, change.set.config.root).filter((path) => this.documents.has(path));
  }

  /** Runs the workspace rules for these documents and returns each one with its complete findings. */
  checkWorkspace(paths: Iterable<string>): SessionDocument[] {
    const checked: SessionDocument[] = [];
    for (const path of new Set(paths)) {
      const entry = this.documents.get(path);
      if (!entry) continue;
      const workspaceFindings = entry.set.check(entry.treeless, entry.analyzed.summary, this.environment, 'workspace');
      if (!entry.fixEdits) keepFixNotes(workspaceFindings);
      sharedStrings.shareFindings(workspaceFindings);
      entry.findings = entry.set.withWorkspaceFindings(entry.analyzed, workspaceFindings);
      checked.push(entry);
    }
    return checked;
  }

  /** What the rules would find in a document if it held this text; the workspace is left as it is. */
  preview(path: string, text: string): { summary: DocumentSummary; findings: Finding[] } {
    return this.setFor(path).preview(path, text, this.environment);
  }

  /**
   * A document's findings with their fixes' edits: its own when it keeps them (see
   * SessionDocument.fixEdits), else those the rules find in its file now, kept until it is analysed
   * again. A file that cannot be read leaves the findings without fixes.
   */
  findingsWithFixes(entry: SessionDocument): Finding[] {
    if (entry.fixEdits || !this.readText) return entry.findings;
    let findings = this.rebuilt.get(entry.findings);
    if (!findings) {
      try {
        findings = entry.set.preview(entry.path, this.readText(entry.path), this.environment).findings;
      } catch {
        findings = entry.findings.map((finding) => ({ ...finding, fixes: [] }));
      }
      this.rebuilt.set(entry.findings, findings);
    }
    return findings;
  }

  /** A document as last analysed, if the workspace has it. */
  get(path: string): SessionDocument | undefined {
    return this.documents.get(path);
  }

  /** Every document, in path order. */
  all(): SessionDocument[] {
    return [...this.documents.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** The policy sets that govern at least one document. */
  policySets(): PolicySet[] {
    const used = new Set([...this.documents.values()].map((entry) => entry.set));
    return this.sets.all().filter((set) => used.has(set));
  }

  /** Config and catalog files that could not be used, each with its problems. */
  configErrors(): DataFileError[] {
    return [...new Set(this.brokenConfigs.values())];
  }

  /** Problems of configs in use whose wrong parts were left out (the editor's `dropInvalid`). */
  configWarnings(): SourceProblem[] {
    return this.resolver.ignored();
  }

  /** The date checks use for a set: the environment's, else the config's `today`, else the real date. */
  today(set: PolicySet): string {
    return set.today(this.environment.today);
  }

  /** Applies the editor's options (default rules and catalog, where config catalogs may live) and forgets everything. */
  configure(options: ResolverOptions): void {
    this.options = options;
    this.resolver.configure(options);
    this.reset();
  }

  /** The editor's options last given to configure. */
  resolverOptions(): ResolverOptions {
    return this.options;
  }

  /**
   * Indexes a document analysed elsewhere (a checking thread): its summary and its own rules'
   * findings, and its parse when the thread sent it (an open document). Call checkWorkspace
   * afterwards, as after analyze. Its strings are already shared: the checking threads (and the
   * lanes, run from sources) share each analysis as it arrives.
   */
  fileAnalysis(path: string, text: string, analyzed: AnalyzedDocument, document?: PolicyDocument): DocumentChange {
    return this.record(path, !document, (set) => {
      set.index.set(analyzed.summary);
      const treeless = document || !this.readText ? treelessDocument(path, text, analyzed, document?.lineStarts) : treelessReadingText(path, text, analyzed, this.readText);
      return { analyzed, treeless, document };
    });
  }

  /**
   * Analyses one document on the session's checking threads and files it, unless `mayFile` says
   * it was overtaken meanwhile (then undefined). Run from sources, without threads, it is analysed
   * here, and indexed once. Throws DataFileError when its config cannot be used.
   */
  async analyzeDocument(source: DocumentSource, filing: FilingOptions): Promise<DocumentChange | undefined> {
    const job = this.jobFor(source);
    if (!this.lanes.threaded) return this.analyzeHere(source, filing);
    return this.fileResult(source, await this.lanes.run(job), filing);
  }

  /**
   * A run of many analyses (indexing): a pool of checking threads when `expected` closed documents
   * make it worth it, else the session's own threads. Hand it `runEntry`s; each result is filed as it arrives.
   */
  indexRun(expected: number, onProgress: (done: number, total: number) => void): AnalysisRun {
    return new AnalysisRun({ expected, lanes: this.lanes, onProgress });
  }

  /** A document as an indexing run takes it. Throws DataFileError when its config cannot be used. */
  runEntry(source: DocumentSource, filing: FilingOptions): RunEntry {
    return {
      job: this.jobFor(source),
      onResult: (result) => {
        try {
          this.fileResult(source, result, filing);
        } catch (error) {
          // This document's failure, not the run's.
          if (!filing.onError) throw error;
          filing.onError(error as Error);
        }
      },
      analyzeHere: () => void this.analyzeHere(source, filing),
      onError: filing.onError,
    };
  }

  /** Stops the session's checking threads (pending analyses fail); the next analysis starts new ones, which read configs afresh. */
  restartThreads(): Promise<void> {
    return this.lanes.restart();
  }

  private analyzeHere(source: DocumentSource, filing: FilingOptions): DocumentChange {
    const change = this.analyze(source.path, source.text, source);
    filing.onFiled?.(change);
    return change;
  }

  private fileResult(source: DocumentSource, result: AnalysisResult, filing: FilingOptions): DocumentChange | undefined {
    if (!filing.mayFile()) return undefined;
    if (result.ruleErrors) filing.onRuleErrors?.(result.ruleErrors);
    const change = this.fileAnalysis(source.path, source.text, result.analyzed, result.document && received(result.document, source.text));
    filing.onFiled?.(change);
    return change;
  }

  /** The job for a checking thread: the document and how to find its config, as this session resolved it. Throws DataFileError for a broken config. */
  private jobFor(source: DocumentSource): AnalysisJob {
    const set = this.setFor(source.path);
    const { defaultRules, defaultCatalog, dropInvalid } = this.options;
    return {
      ...set.job(source, this.defaultRoot, this.environment.today),
      defaultRules,
      defaultCatalog,
      dropInvalid,
      keepDocument: source.keepDocument,
      fixNotesOnly: this.dropsFixEdits(!source.keepDocument) || undefined,
      // An open document is ranked from its parse, kept here; a closed one from the scores its thread keeps, once asked for.
      scoreSuggestions: this.scoring && !source.keepDocument,
      openPaths: source.openPaths,
    };
  }

  /**
   * Files a document under its policy set (leaving the set that governed it before, if another),
   * with `analyse`'s result (which indexes its summary in `set`): the one bookkeeping of analyze and
   * fileAnalysis. A closed document keeps its fixes' names alone (see SessionDocument.fixEdits): one
   * shared note per title, also for those a thread already sent without edits (see jobFor). The
   * findings stay the previous ones until checkWorkspace computes them again.
   */
  private record(path: string, closed: boolean, analyse: (set: PolicySet) => Pick<SessionDocument, 'analyzed' | 'treeless' | 'document'>): DocumentChange {
    const set = this.setFor(path);
    const previous = this.documents.get(path);
    if (previous && previous.set !== set) this.remove(path);
    const before = set.index.get(path);
    const { analyzed, treeless, document } = analyse(set);
    const fixEdits = !this.dropsFixEdits(closed);
    if (!fixEdits) keepFixNotes(analyzed.findings);
    // Until checkWorkspace, the previous findings stand; never with fixes of another kind than this analysis keeps.
    const findings = previous && previous.fixEdits === fixEdits ? previous.findings : analyzed.findings;
    this.documents.set(path, { path, set, analyzed, treeless, document, findings, fixEdits });
    return { path, set, before, after: analyzed.summary };
  }

  /** Whether a document analysed now keeps only its fixes' names: a closed one, when texts are read from files. */
  private dropsFixEdits(closed: boolean): boolean {
    return closed && this.readText !== undefined;
  }

  /**
   * From now on (until reset) each closed policy document keeps its suggestion scores, which
   * Where Could This Go? ranks from: those filed without them are analysed again on the checking
   * threads (a pool for many), parsed without their rules, keeping only the scores; later analyses
   * compute them as they go.
   * Indexing computes none until asked. Resolves when done, or as soon as `signal` aborts.
   */
  async keepSuggestionScores(onProgress: (done: number, total: number) => void, signal?: AbortSignal): Promise<void> {
    this.scoring = true;
    const missing = this.unscored();
    if (missing.length === 0 || !this.lanes.threaded || signal?.aborted) return;
    const run = new AnalysisRun({ expected: missing.length, exact: true, lanes: this.lanes, onProgress });
    try {
      for (const entry of missing) {
        if (signal?.aborted) return;
        // Parsed for the scores alone: its findings are already filed.
        const job = { ...this.jobFor({ path: entry.path, text: this.readText?.(entry.path) ?? entry.treeless.text, keepDocument: false }), indexOnly: true };
        // Only the scores are kept, and only while the document is as it was filed (not analysed again meanwhile).
        const keep = (result: AnalysisResult) => void (this.documents.get(entry.path) === entry && (entry.analyzed.suggestionScores = result.analyzed.suggestionScores));
        run.add({ job, onResult: keep, analyzeHere: () => undefined, onError: () => undefined });
        await run.room();
      }
      await untilAborted(run.finished(), signal);
    } finally {
      await run.close();
    }
  }

  /**
   * The closed policy documents filed without their suggestion scores (all of them until
   * keepSuggestionScores); not those whose parse ran out of time, which would only run out again.
   */
  unscored(): SessionDocument[] {
    return [...this.documents.values()].filter((entry) => !entry.document && entry.analyzed.summary.isPolicy && !entry.analyzed.suggestionScores && !entry.analyzed.stopped);
  }

  /** Forgets every config, set and document (after a config file changed); analyse the documents again. */
  reset(): void {
    this.scoring = false;
    this.resolver.clear();
    this.sets.clear();
    this.documents.clear();
    this.brokenConfigs.clear();
  }
}
