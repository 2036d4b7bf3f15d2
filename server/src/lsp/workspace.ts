import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type FileEvent, type TextDocuments, type WorkDoneProgressReporter } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES } from '../config/types';
import { readDocumentFile } from '../document/decode';
import { DataFileError } from '../yaml/problem';
import { coverageInputsChanged } from '../workspace/dependents';
import { MARKDOWN_FILE } from '../workspace/markdownFiles';
import type { AnalyzedDocument } from '../workspace/analyzedDocument';
import { PolicyWorkspace, type DocumentChange, type WorkspaceDocument } from '../workspace/policyWorkspace';
import { shouldUseWorkers, WorkerPool, type AnalysisJob } from '../workspace/workerPool';
import { filePathOf, WorkspaceFolders } from './folders';

/** What the live workspace tells the rest of the server. */
export interface WorkspaceListener {
  /** These documents' findings were computed again. */
  checked(documents: WorkspaceDocument[]): void;
  /** These documents are no longer checked (deleted, excluded, closed outside the workspace, or under a broken config). */
  dropped(paths: string[]): void;
  /** The whole workspace was checked again: documents not in `paths` are gone. */
  reindexed(paths: Set<string>): void;
  /** The configs and catalogs that cannot be used now (empty when all are fine). */
  configErrors(errors: DataFileError[]): void;
  /** Something the coverage report reads changed (claims, status, review dates, elements). */
  coverageMayHaveChanged(): void;
  /** A problem worth a line in the client's log. */
  log(message: string): void;
}

/** Milliseconds of indexing between two yields to the event loop, so requests are answered meanwhile. */
const INDEX_SLICE_MS = 20;
/** Documents whose diagnostics are published between two turns of the event loop after indexing. */
const PUBLISH_SLICE = 50;

/**
 * The workspace as the editor sees it: every Markdown file of the workspace folders (like
 * `clausewise check <folder>`), open documents from the editor's text, closed ones from disk,
 * kept current from edits (debounced) and file-watch events. All analysis goes through the core.
 */
export class LiveWorkspace {
  readonly core: PolicyWorkspace;
  readonly folders: WorkspaceFolders;
  private readonly members = new Set<string>();
  private readonly openUris = new Map<string, string>();
  private readonly versions = new Map<string, number>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private generation = 0;
  private indexing = false;
  private ready: Promise<void>;
  private markReady: () => void = () => undefined;

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly listener: WorkspaceListener,
    private readonly debounce: () => number,
    private readonly createProgress: () => Promise<WorkDoneProgressReporter>,
    defaultRoot: string,
  ) {
    this.core = new PolicyWorkspace(defaultRoot, {
      fileExists: (path) => this.openUris.has(path) || existsSync(path),
      onRuleError: (ruleId, path, error) => listener.log(`rule ${ruleId} failed on ${path}: ${(error as Error).stack ?? String(error)}`),
    });
    this.folders = new WorkspaceFolders(this.core, (message) => listener.log(message));
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  /** Resolves when the current indexing pass is over (again if a newer one started meanwhile). */
  async whenIndexed(): Promise<void> {
    for (;;) {
      const ready = this.ready;
      await ready;
      if (ready === this.ready) return;
    }
  }

  /** Forgets everything and checks the whole workspace again, with work-done progress. */
  reindex(): Promise<void> {
    const generation = ++this.generation;
    if (generation > 1) {
      const previous = this.markReady;
      this.ready = new Promise((resolve) => (this.markReady = resolve));
      previous();
    }
    const done = this.markReady;
    this.core.reset();
    // Indexed (whenIndexed resolves) however indexing ends; the diagnostics then go out in slices.
    return this.indexAll(generation)
      .finally(done)
      .then((checked) => (checked ? this.publishInSlices(checked, generation) : undefined))
      .catch((error: unknown) => this.listener.log(`Clausewise could not index the workspace: ${(error as Error).stack ?? String(error)}`));
  }

  /** An open document changed (or was opened): check it after the debounce. */
  documentChanged(uri: string): void {
    const path = this.markdownPath(uri);
    if (!path) return;
    this.openUris.set(path, uri);
    clearTimeout(this.pending.get(path));
    this.pending.set(path, setTimeout(() => this.checkPending(path), this.debounce()));
  }

  /** An open document was closed: it reverts to the file on disk, or leaves the workspace if it is not part of it. */
  documentClosed(uri: string): void {
    const path = this.markdownPath(uri);
    if (!path) return;
    clearTimeout(this.pending.get(path));
    this.pending.delete(path);
    this.openUris.delete(path);
    this.versions.delete(path);
    if (this.members.has(path) && existsSync(path)) this.guard(path, () => this.settle([this.analyzeFromDisk(path)]));
    else this.forget([path]);
  }

  /** Files changed on disk: re-read closed documents; a config change checks everything again. */
  filesChanged(events: FileEvent[]): Promise<void> {
    if (events.some((event) => CONFIG_FILE_NAMES.includes(basename(this.pathOf(event.uri) ?? '')))) return this.reindex();
    const changes: DocumentChange[] = [];
    const gone: string[] = [];
    for (const event of events) {
      const path = this.markdownPath(event.uri);
      if (!path || this.openUris.has(path)) continue;
      if (event.type !== FileChangeType.Deleted && this.folders.contains(path)) {
        this.members.add(path);
        this.guard(path, () => changes.push(this.analyzeFromDisk(path)));
      } else if (this.members.delete(path) || this.core.get(path)) {
        gone.push(path);
      }
    }
    this.forget(gone);
    this.settle(changes);
    return Promise.resolve();
  }

  /** The document's analysis, brought up to date with the editor first (full parse for open documents). */
  current(uri: string): WorkspaceDocument | undefined {
    const path = this.pathOf(uri);
    if (!path) return undefined;
    if (this.pending.has(path)) {
      clearTimeout(this.pending.get(path));
      this.checkPending(path);
    }
    const entry = this.core.get(path);
    if (entry && !entry.document && this.openUris.has(path)) this.checkOpen(path);
    return this.core.get(path);
  }

  /** The editor version the document's findings were computed for (open documents only). */
  versionOf(path: string): number | undefined {
    return this.versions.get(path);
  }

  /** The file path of a `file:` URI, or undefined for other schemes. */
  pathOf(uri: string): string | undefined {
    return filePathOf(uri);
  }

  /** The URI the client uses for a path (its own spelling for open documents). */
  uriOf(path: string): string {
    return this.openUris.get(path) ?? pathToFileURL(path).href;
  }

  private markdownPath(uri: string): string | undefined {
    const path = this.pathOf(uri);
    return path && MARKDOWN_FILE.test(path) ? path : undefined;
  }

  private checkPending(path: string): void {
    this.pending.delete(path);
    this.checkOpen(path);
  }

  private checkOpen(path: string): void {
    const document = this.documents.get(this.uriOf(path));
    if (!document) return;
    this.guard(path, () => {
      if (this.core.isExcluded(path)) return this.forget([path]);
      this.settle([this.analyzeOpen(path, document)]);
    });
  }

  /** Analyses an open document from the editor's text, keeping its full parse and the version it was computed for. */
  private analyzeOpen(path: string, document: TextDocument): DocumentChange {
    const change = this.core.analyze(path, document.getText(), { keepDocument: true });
    this.versions.set(path, document.version);
    return change;
  }

  /** Checks the changed documents' workspace rules and their dependents', and reports them. */
  private settle(changes: DocumentChange[]): void {
    if (changes.length === 0) return;
    const paths = new Set<string>();
    for (const change of changes) {
      if (change.after) paths.add(change.path);
      for (const dependent of this.core.dependents(change)) paths.add(dependent);
    }
    this.listener.checked(this.core.checkWorkspace(paths));
    if (changes.some((change) => coverageInputsChanged(change.before, change.after))) this.listener.coverageMayHaveChanged();
  }

  /** Removes documents from the workspace, re-checking what depended on them. */
  private forget(paths: string[]): void {
    const changes = paths.map((path) => this.core.remove(path)).filter((change): change is DocumentChange => change !== undefined);
    if (paths.length) this.listener.dropped(paths);
    this.settle(changes);
  }

  /** Runs one document's work; a config that cannot be used is reported, anything else is logged. Never throws. */
  private guard(path: string, work: () => void): void {
    try {
      work();
    } catch (error) {
      if (error instanceof DataFileError) {
        this.forget([path]);
        // While indexing, the list is reported once at the end, complete.
        if (!this.indexing) this.listener.configErrors(this.core.configErrors());
      } else {
        this.listener.log(`Clausewise could not check ${path}: ${(error as Error).stack ?? String(error)}`);
      }
    }
  }

  private analyzeFromDisk(path: string): DocumentChange {
    const { text, problem } = readDocumentFile(path);
    return this.core.analyze(path, text, { problem });
  }

  /** Indexes the workspace with work-done progress: the checked documents, or undefined when a newer pass began. */
  private async indexAll(generation: number): Promise<WorkspaceDocument[] | undefined> {
    const progress = await this.createProgress();
    if (generation !== this.generation) {
      progress.done();
      return undefined;
    }
    progress.begin('Clausewise', 0, 'Finding policy documents', false);
    this.indexing = true;
    try {
      return await this.indexFiles(generation, progress);
    } finally {
      this.indexing = false;
      progress.done();
    }
  }

  /**
   * Indexing ends when every document is analysed and checked (hover, coverage and the views can
   * answer); the diagnostics of the whole workspace then go out in slices, so requests are served
   * in between.
   */
  private async publishInSlices(checked: WorkspaceDocument[], generation: number): Promise<void> {
    for (let start = 0; start < checked.length; start += PUBLISH_SLICE) {
      if (generation !== this.generation) return;
      // An edit, file event or close between slices has published (or cleared) that document itself.
      this.listener.checked(checked.slice(start, start + PUBLISH_SLICE).filter((entry) => this.core.get(entry.path) === entry));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Indexes one document on this thread: an open one from the editor's text, others from disk. */
  private indexOne(path: string): void {
    if (this.core.isExcluded(path)) return;
    const document = this.openUris.has(path) ? this.documents.get(this.uriOf(path)) : undefined;
    if (document) this.analyzeOpen(path, document);
    else this.analyzeFromDisk(path);
  }

  /**
   * Many closed documents: the checking threads share them (the CLI's pool), each handed out as
   * soon as it is read; open documents stay here, as they keep their parse. False when a newer
   * indexing began.
   */
  private async indexInThreads(queue: string[], generation: number, progress: WorkDoneProgressReporter): Promise<boolean> {
    // The threads load while this thread reads the first files.
    const pool = new WorkerPool((done, total) => progress.report(Math.floor((done * 100) / total), `${done}/${total} documents`));
    const jobs: AnalysisJob[] = [];
    let analyzed: AnalyzedDocument[];
    try {
      if (!(await this.handOut(queue, pool, jobs, generation))) return false;
      analyzed = await pool.analyzed();
    } finally {
      // The threads stop before the results are adopted, so their memory is free by then.
      await pool.close();
    }
    if (generation !== this.generation) return false;
    jobs.forEach((job, index) => this.guard(job.path, () => this.core.adopt(job.path, job.text, analyzed[index]!)));
    return true;
  }

  /**
   * Reads the closed documents and hands them to the pool (open ones are indexed here), yielding
   * to the event loop every INDEX_SLICE_MS as the single-thread path does, so requests are answered
   * while files are read. False when a newer indexing began meanwhile.
   */
  private async handOut(queue: string[], pool: WorkerPool, jobs: AnalysisJob[], generation: number): Promise<boolean> {
    const { defaultRules, defaultCatalog } = this.core.resolverOptions();
    return this.inSlices(queue, generation, (path) => {
      if (this.openUris.has(path)) return this.indexOne(path);
      if (this.core.isExcluded(path)) return;
      const set = this.core.setFor(path);
      const { text, problem } = readDocumentFile(path);
      const job: AnalysisJob = { path, text, problem, configFile: set.config.file, cwd: this.core.defaultRoot, today: this.core.today(set), defaultRules, defaultCatalog };
      jobs.push(job);
      pool.add(job);
    });
  }

  /**
   * Visits each path (a failure is logged against that document), yielding to the event loop every
   * INDEX_SLICE_MS so requests are answered meanwhile. False when a newer indexing began.
   */
  private async inSlices(queue: string[], generation: number, visit: (path: string) => void, onYield?: (done: number) => void): Promise<boolean> {
    let sliceStart = Date.now();
    for (const [index, path] of queue.entries()) {
      this.guard(path, () => visit(path));
      if (Date.now() - sliceStart >= INDEX_SLICE_MS) {
        onYield?.(index + 1);
        await new Promise((resolve) => setImmediate(resolve));
        if (generation !== this.generation) return false;
        sliceStart = Date.now();
      }
    }
    return true;
  }

  /** Indexes on the checking threads; when they fail, says so in the log and lets this thread do it. */
  private async tryThreads(queue: string[], generation: number, progress: WorkDoneProgressReporter): Promise<'done' | 'stale' | 'failed'> {
    try {
      return (await this.indexInThreads(queue, generation, progress)) ? 'done' : 'stale';
    } catch (error) {
      this.listener.log(`Clausewise: the checking threads failed (${(error as Error).message}); indexing on the main thread instead`);
      this.core.reset();
      return 'failed';
    }
  }

  private async indexFiles(generation: number, progress: WorkDoneProgressReporter): Promise<WorkspaceDocument[] | undefined> {
    this.members.clear();
    const files = this.folders.discover();
    for (const path of files) this.members.add(path);
    const transient = [...this.openUris.keys()].filter((path) => !this.members.has(path));
    const queue = [...files, ...transient];
    const closed = queue.filter((path) => !this.openUris.has(path));
    const threaded = shouldUseWorkers(closed.length) ? await this.tryThreads(queue, generation, progress) : 'not used';
    if (threaded === 'stale') return undefined;
    if (threaded !== 'done') {
      const report = (done: number) => progress.report(Math.floor((done * 100) / queue.length), `${done}/${queue.length} documents`);
      if (!(await this.inSlices(queue, generation, (path) => this.indexOne(path), report))) return undefined;
    }
    const all = this.core.all().map((entry) => entry.path);
    const checked = this.core.checkWorkspace(all);
    this.listener.reindexed(new Set(all));
    this.listener.configErrors(this.core.configErrors());
    this.listener.coverageMayHaveChanged();
    return checked;
  }
}
