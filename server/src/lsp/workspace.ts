import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type CancellationToken, type FileEvent, type TextDocuments, type WorkDoneProgressReporter } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES } from '../config/types';
import { readDocumentFile } from '../document/decode';
import { DataFileError, type SourceProblem } from '../yaml/problem';
import { coverageInputsChanged } from '../model/summaryChanges';
import type { SummaryIndex } from '../model/summaryIndex';
import { MARKDOWN_FILE } from '../engine/markdownFiles';
import type { ReadProblem } from '../document/types';
import { Session, type DocumentChange, type DocumentSource, type SessionDocument } from '../engine/session';
import { ClientActivity, QUIET_MS } from './clientActivity';
import { filePathOf, WorkspaceFolders } from './folders';
import { settledWithin } from './settledWithin';

/** What the live workspace tells the rest of the server. */
export interface WorkspaceListener {
  /** These documents' findings were computed again. */
  findingsChanged(documents: SessionDocument[]): void;
  /** These documents are no longer checked (deleted, excluded, closed outside the workspace, or under a broken config). */
  dropped(paths: string[]): void;
  /** Resolves when the diagnostics of the documents reported so far have reached the client. */
  delivered(): Promise<void>;
  /** The whole workspace was checked again: documents not in `paths` are gone. */
  reindexed(paths: Set<string>): void;
  /** The configs and catalogs that cannot be used now (empty when all are fine), and the parts of configs in use that were left out. */
  configErrors(errors: DataFileError[], ignored: SourceProblem[]): void;
  /** Something the coverage report reads changed (claims, status, review dates, elements). */
  coverageMayHaveChanged(): void;
  /** An indexing pass ended after `milliseconds` (its documents are in `session`). */
  indexed(milliseconds: number): void;
  /** A problem worth a line in the client's log. */
  log(message: string): void;
}

/** A document read for indexing: its text, the editor version of an open one, and the ticket it may be filed under. */
interface IndexSource {
  source: DocumentSource;
  version?: number;
  ticket: number;
}

/** Milliseconds of indexing between two yields to the event loop, so requests are answered meanwhile. */
const INDEX_SLICE_MS = 20;
/** How long a request that answers from a document's findings waits for indexing before answering from what there is. */
const INDEX_WAIT_MS = 10_000;

/** Documents whose diagnostics are published between two turns of the event loop after indexing. */
const PUBLISH_SLICE = 50;

/**
 * The workspace as the editor sees it: every Markdown file of the workspace folders (like
 * `clausewise check <folder>`), open documents from the editor's text, closed ones from disk,
 * kept current from edits (debounced) and file-watch events. All analysis goes through the session,
 * and every parse runs on a checking thread on a time budget: this thread, which answers
 * requests, never parses Markdown.
 */
export class LiveWorkspace {
  readonly session: Session;
  readonly folders: WorkspaceFolders;
  /** When the client last sent a request or an edit: the workspace's diagnostics wait for its pauses. */
  readonly activity = new ClientActivity();
  private readonly members = new Set<string>();
  private readonly openUris = new Map<string, string>();
  private readonly versions = new Map<string, number>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  /** Per document, the analysis on a thread now: at most one, so edits during a slow parse do not queue up. */
  private readonly inflight = new Map<string, Promise<void>>();
  /** Open documents edited while their analysis ran: analysed again when it ends. */
  private readonly rerun = new Set<string>();
  /**
   * Per document, the ticket of the newest analysis asked for: an older one that ends later, or one
   * asked for before the document was closed, removed or opened, is not filed.
   */
  private readonly latest = new Map<string, number>();
  private tickets = 0;
  /** Each policy set's listing revision when the views were last told coverage may have changed. */
  private readonly listingsTold = new WeakMap<SummaryIndex, number>();
  private generation = 0;
  private indexing = false;
  /** Resolved once the current generation's indexing pass is over (pending before the first one). */
  private ready: Promise<void>;
  private markReady: () => void = () => undefined;
  /** The last pass computing suggestion scores (see keepSuggestionScores): passes run one after another. */
  private scoring: Promise<void> = Promise.resolve();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly listener: WorkspaceListener,
    private readonly debounce: () => number,
    private readonly createProgress: () => Promise<WorkDoneProgressReporter>,
    defaultRoot: string,
  ) {
    this.session = new Session(defaultRoot, {
      fileExists: (path) => this.openUris.has(path) || existsSync(path),
      onRuleError: (ruleId, path, error) => listener.log(`rule ${ruleId} failed on ${path}: ${(error as Error).stack ?? String(error)}`),
    }, (path) => readDocumentFile(path).text);
    this.folders = new WorkspaceFolders(this.session, (message) => listener.log(message));
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

  /**
   * Has every closed policy document keep its suggestion scores (Where Could This Go? ranks from
   * them): the first time, and after each reindex, those without them are analysed again on the
   * checking threads, with work-done progress; later analyses compute them as they go. Resolves
   * when they have them, or as soon as `token` is cancelled.
   */
  keepSuggestionScores(token?: CancellationToken): Promise<void> {
    // Threads that fail leave documents unscored: the request then parses those, as it would without scores.
    const pass = this.scoring.then(() => this.scoreDocuments(token)).catch((error: unknown) => this.listener.log(`Clausewise could not score the documents for Where Could This Go?: ${(error as Error).stack ?? String(error)}`));
    this.scoring = pass;
    return pass;
  }

  private async scoreDocuments(token?: CancellationToken): Promise<void> {
    if (token?.isCancellationRequested) return;
    // Nothing to score yet: the documents analysed from now on are scored as they are filed.
    if (this.session.unscored().length === 0) return this.session.keepSuggestionScores(() => undefined);
    const cancelled = new AbortController();
    const listener = token?.onCancellationRequested(() => cancelled.abort());
    const progress = await this.createProgress();
    progress.begin('Clausewise', 0, 'Scoring documents for Where Could This Go?', false);
    try {
      await this.session.keepSuggestionScores((done, total) => progress.report(Math.floor((done * 100) / total), `${done}/${total} documents scored`), cancelled.signal);
    } finally {
      listener?.dispose();
      progress.done();
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
    const markReady = this.markReady;
    this.session.reset();
    this.inflight.clear();
    this.rerun.clear();
    // A config may have changed: the threads read configs afresh.
    void this.session.restartThreads();
    // Indexed (whenIndexed resolves) however indexing ends; the diagnostics then go out in slices.
    return this.indexAll(generation)
      .finally(markReady)
      .then((checked) => (checked ? this.publishInSlices(checked, generation) : undefined))
      .catch((error: unknown) => this.listener.log(`Clausewise could not index the workspace: ${(error as Error).stack ?? String(error)}`));
  }

  /** An open document changed (or was opened): check it after the debounce. */
  documentChanged(uri: string): void {
    this.activity.touch();
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
    this.rerun.delete(path);
    if (this.members.has(path) && existsSync(path)) this.track(path, async () => this.recheckAffected(await this.analyzeFromDisk(path)));
    else this.forget([path]);
  }

  /** Files changed on disk: re-read closed documents; a config change checks everything again. */
  async filesChanged(events: FileEvent[]): Promise<void> {
    if (events.some((event) => CONFIG_FILE_NAMES.includes(basename(this.pathOf(event.uri) ?? '')))) return this.reindex();
    const analyses: Promise<DocumentChange[]>[] = [];
    const gone: string[] = [];
    for (const event of events) {
      const path = this.markdownPath(event.uri);
      if (!path || this.openUris.has(path)) continue;
      if (event.type !== FileChangeType.Deleted && this.folders.contains(path)) {
        this.members.add(path);
        analyses.push(new Promise((resolve) => this.track(path, async () => resolve(await this.analyzeFromDisk(path)), () => resolve([]))));
      } else if (this.members.delete(path) || this.session.get(path)) {
        gone.push(path);
      }
    }
    this.forget(gone);
    this.recheckAffected((await Promise.all(analyses)).flat());
  }

  /** The document's analysis, brought up to date with the editor first (full parse for open documents). */
  async upToDate(uri: string): Promise<SessionDocument | undefined> {
    const path = this.pathOf(uri);
    if (!path) return undefined;
    if (this.pending.has(path)) {
      clearTimeout(this.pending.get(path));
      this.checkPending(path);
    }
    const entry = this.session.get(path);
    if (entry && !entry.document && this.openUris.has(path)) this.checkOpen(path);
    // An edit during the analysis starts another when it ends: wait for the last one.
    for (let inflight = this.inflight.get(path); inflight; inflight = this.inflight.get(path)) await inflight;
    return this.session.get(path);
  }

  /**
   * The document's analysis for a request that answers from its findings (code actions, code lens):
   * while the workspace is still being indexed, that waits for indexing first (at most `bound` ms,
   * and only while the request is wanted), then as `upToDate`. Undefined when cancelled meanwhile.
   */
  async checked(uri: string, token: CancellationToken, bound = INDEX_WAIT_MS): Promise<SessionDocument | undefined> {
    // Once indexed, whenIndexed has settled: this waits no longer than a turn of the microtask queue.
    await settledWithin(this.whenIndexed(), token, bound);
    return token.isCancellationRequested ? undefined : this.upToDate(uri);
  }

  /** The paths of the Markdown documents open in the editor (some perhaps not analysed yet). */
  openPaths(): string[] {
    return [...this.openUris.keys()];
  }

  /** The editor version the document's findings were computed for (open documents only). */
  versionOf(path: string): number | undefined {
    return this.versions.get(path);
  }

  /** The version of the document the editor has open at `uri` (undefined when it is not open). */
  editorVersion(uri: string): number | undefined {
    return this.documents.get(uri)?.version;
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

  /** Analyses an open document from the editor's text (once more after the current analysis, if one is running). */
  private checkOpen(path: string): void {
    if (this.inflight.has(path)) {
      this.rerun.add(path);
      return;
    }
    const document = this.documents.get(this.uriOf(path));
    if (!document) return;
    this.track(path, async () => {
      if (this.session.isExcluded(path)) return this.forget([path]);
      this.recheckAffected(await this.analyzeOpen(path, document));
    });
  }

  /** Analyses an open document from the editor's text, keeping its full parse and the version it was computed for. */
  private async analyzeOpen(path: string, document: TextDocument): Promise<DocumentChange[]> {
    const { version } = document;
    const change = await this.analyze(path, document.getText(), undefined, true);
    if (change) this.versions.set(path, version);
    return change ? [change] : [];
  }

  private async analyzeFromDisk(path: string): Promise<DocumentChange[]> {
    const { text, problem } = readDocumentFile(path);
    const change = await this.analyze(path, text, problem, false);
    return change ? [change] : [];
  }

  /** Analyses one document on a checking thread and files it; undefined when it was overtaken meanwhile (see `latest`). */
  private analyze(path: string, text: string, problem: ReadProblem | undefined, keepDocument: boolean): Promise<DocumentChange | undefined> {
    const generation = this.generation;
    const ticket = this.ticket(path);
    return this.session.analyzeDocument(this.source(path, text, problem, keepDocument), {
      mayFile: () => this.mayFile(path, ticket, generation, keepDocument),
      onRuleErrors: (errors) => this.logRuleErrors(path, errors),
    });
  }

  private ticket(path: string): number {
    const ticket = ++this.tickets;
    this.latest.set(path, ticket);
    return ticket;
  }

  /** True when an analysis may still be filed: no newer one was asked for, no new indexing began, and the document is still open (or still closed). */
  private mayFile(path: string, ticket: number, generation: number, fromEditor: boolean): boolean {
    return generation === this.generation && this.latest.get(path) === ticket && fromEditor === this.openUris.has(path);
  }

  /** A rule that threw on a checking thread is a finding there; here it is a line in the log too. */
  private logRuleErrors(path: string, errors: { ruleId: string; error: string }[]): void {
    for (const { ruleId, error } of errors) this.listener.log(`rule ${ruleId} failed on ${path}: ${error}`);
  }

  /** A document to analyse; an open one's links may name the editor's other unsaved documents. */
  private source(path: string, text: string, problem: ReadProblem | undefined, keepDocument: boolean): DocumentSource {
    return { path, text, problem, keepDocument, openPaths: keepDocument ? [...this.openUris.keys()] : undefined };
  }

  /** Checks the changed documents' workspace rules and their dependents', and reports them. */
  private recheckAffected(changes: DocumentChange[]): void {
    if (changes.length === 0) return;
    const paths = new Set<string>();
    for (const change of changes) {
      if (change.after) paths.add(change.path);
      for (const dependent of this.session.dependents(change)) paths.add(dependent);
    }
    this.listener.findingsChanged(this.session.checkWorkspace(paths));
    const listingMoved = changes.some(({ set: { index } }) => index.listingRevision !== this.listingsTold.get(index));
    if (listingMoved || changes.some((change) => coverageInputsChanged(change.before, change.after))) this.coverageMayHaveChanged(changes.map((change) => change.set.index));
  }

  /** Tells the views, noting the listing revision of each index they now show. */
  private coverageMayHaveChanged(indexes: SummaryIndex[]): void {
    for (const index of indexes) this.listingsTold.set(index, index.listingRevision);
    this.listener.coverageMayHaveChanged();
  }

  /** Removes documents from the workspace, re-checking what depended on them. */
  private forget(paths: string[]): void {
    for (const path of paths) this.latest.delete(path);
    const changes = paths.map((path) => this.session.remove(path)).filter((change): change is DocumentChange => change !== undefined);
    if (paths.length) this.listener.dropped(paths);
    this.recheckAffected(changes);
  }

  /** Runs one document's work; a config that cannot be used is reported, anything else is logged. Never throws. */
  private guard(path: string, work: () => void): void {
    try {
      work();
    } catch (error) {
      this.failed(path, error);
    }
  }

  /**
   * Runs one document's asynchronous work as its analysis in flight (what `upToDate` waits for), with
   * guard's handling of failures; an open document edited meanwhile is analysed again after it.
   */
  private track(path: string, work: () => Promise<void>, onFailure?: () => void): void {
    const generation = this.generation;
    const done: Promise<void> = work()
      .catch((error: unknown) => {
        onFailure?.();
        // A failure from before a reindex (threads restarted) is not news.
        if (generation === this.generation) this.failed(path, error);
      })
      .finally(() => {
        if (this.inflight.get(path) !== done) return;
        this.inflight.delete(path);
        if (this.rerun.delete(path)) this.checkOpen(path);
      });
    this.inflight.set(path, done);
  }

  private failed(path: string, error: unknown): void {
    if (error instanceof DataFileError) {
      this.forget([path]);
      // While indexing, the list is reported once at the end, complete.
      if (!this.indexing) this.listener.configErrors(this.session.configErrors(), this.session.configWarnings());
    } else {
      this.listener.log(`Clausewise could not check ${path}: ${(error as Error).stack ?? String(error)}`);
    }
  }

  /** Indexes the workspace with work-done progress: the checked documents, or undefined when a newer pass began. */
  private async indexAll(generation: number): Promise<SessionDocument[] | undefined> {
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
   * answer); the diagnostics of the whole workspace then go out in slices, each once the client has
   * the one before, so requests are served in between and unsent messages do not pile up, and each
   * only in a pause of the client's (see ClientActivity), so they never delay an edit's diagnostics or an answer.
   */
  private async publishInSlices(checked: SessionDocument[], generation: number): Promise<void> {
    for (let start = 0; start < checked.length; start += PUBLISH_SLICE) {
      await this.clientPaused();
      if (generation !== this.generation) return;
      // An edit, file event or close between slices has published (or cleared) that document itself.
      this.listener.findingsChanged(checked.slice(start, start + PUBLISH_SLICE).filter((entry) => this.session.get(entry.path) === entry));
      await Promise.all([this.listener.delivered(), new Promise((resolve) => setImmediate(resolve))]);
    }
  }

  /** Resolves once the client is quiet and no edit of an open document waits for its check. */
  private async clientPaused(): Promise<void> {
    for (;;) {
      await this.activity.pause();
      if (this.pending.size === 0 && this.inflight.size === 0) return;
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    }
  }

  /**
   * Reads the documents to index (an open one from the editor's text, keeping its parse; others
   * from disk), yielding to the event loop every INDEX_SLICE_MS so requests are answered while
   * files are read. Each goes to `onSource` as soon as it is read. False when a newer indexing
   * began meanwhile.
   */
  private readSources(queue: string[], generation: number, onSource: (entry: IndexSource) => void, room: () => Promise<void>): Promise<boolean> {
    return this.inSlices(queue, generation, (path) => {
      if (this.session.isExcluded(path)) return;
      const open = this.openUris.has(path) ? this.documents.get(this.uriOf(path)) : undefined;
      if (open) return onSource({ source: this.source(path, open.getText(), undefined, true), version: open.version, ticket: this.ticket(path) });
      const { text, problem } = readDocumentFile(path);
      onSource({ source: this.source(path, text, problem, false), ticket: this.ticket(path) });
    }, room);
  }

  /**
   * Indexes the documents through one engine run: many closed documents share a pool of checking
   * threads (the CLI's), the rest go to the session's own threads. Each analysis is filed as it
   * arrives, so nothing holds a closed document's text afterwards. A document whose analysis
   * failed is logged, not filed. False when a newer indexing began.
   */
  private async indexDocuments(queue: string[], closedCount: number, generation: number, progress: WorkDoneProgressReporter): Promise<boolean> {
    // The message names the threads: a user (and a test) can see the work was shared.
    const run = this.session.indexRun(closedCount, (done, total) => {
      const threads = run.threadCount > 0 ? ` on ${run.threadCount} checking thread${run.threadCount === 1 ? '' : 's'}` : '';
      progress.report(Math.floor((done * 100) / total), `${done}/${total} documents${threads}`);
    });
    try {
      const read = await this.readSources(queue, generation, ({ source, version, ticket }) => {
        const { path } = source;
        run.add(this.session.runEntry(source, {
          // An edit, close or file event while indexing has analysed the document again since.
          mayFile: () => this.mayFile(path, ticket, generation, version !== undefined),
          onRuleErrors: (errors) => this.logRuleErrors(path, errors),
          onFiled: () => (version !== undefined ? this.versions.set(path, version) : undefined),
          onError: (error) => (this.mayFile(path, ticket, generation, version !== undefined) ? this.failed(path, error) : undefined),
        }));
      }, () => run.room());
      if (!read) return false;
      await run.finished();
    } finally {
      await run.close();
    }
    return generation === this.generation;
  }

  /**
   * Visits each path (a failure is logged against that document), yielding to the event loop every
   * INDEX_SLICE_MS so requests are answered meanwhile. False when a newer indexing began.
   */
  private async inSlices(queue: string[], generation: number, visit: (path: string) => void, room?: () => Promise<void>): Promise<boolean> {
    let sliceStart = Date.now();
    for (const path of queue) {
      this.guard(path, () => visit(path));
      // Read no further ahead than the checking threads can take: each document waiting holds its text.
      if (room) await room();
      if (Date.now() - sliceStart >= INDEX_SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        if (generation !== this.generation) return false;
        sliceStart = Date.now();
      }
    }
    return true;
  }


  /** Indexes through the engine; when its threads fail, says so in the log and lets the session's own threads do it all. */
  private async tryIndex(queue: string[], closedCount: number, generation: number, progress: WorkDoneProgressReporter): Promise<'done' | 'stale' | 'failed'> {
    try {
      return (await this.indexDocuments(queue, closedCount, generation, progress)) ? 'done' : 'stale';
    } catch (error) {
      this.listener.log(`Clausewise: the checking threads failed (${(error as Error).message}); indexing on one thread instead`);
      this.session.reset();
      return 'failed';
    }
  }

  private async indexFiles(generation: number, progress: WorkDoneProgressReporter): Promise<SessionDocument[] | undefined> {
    const started = Date.now();
    this.members.clear();
    const files = this.folders.discover();
    for (const path of files) this.members.add(path);
    const transient = [...this.openUris.keys()].filter((path) => !this.members.has(path));
    const queue = [...files, ...transient];
    const closedCount = queue.filter((path) => !this.openUris.has(path)).length;
    const outcome = await this.tryIndex(queue, closedCount, generation, progress);
    if (outcome === 'stale') return undefined;
    // Without the pool: every document on the session's own threads (0 closed documents asks for no pool).
    if (outcome === 'failed' && !(await this.indexDocuments(queue, 0, generation, progress))) return undefined;
    const all = this.session.all().map((entry) => entry.path);
    const checked = this.session.checkWorkspace(all);
    this.listener.reindexed(new Set(all));
    this.listener.configErrors(this.session.configErrors(), this.session.configWarnings());
    this.coverageMayHaveChanged(this.session.policySets().map((set) => set.index));
    this.listener.indexed(Date.now() - started);
    return checked;
  }
}
