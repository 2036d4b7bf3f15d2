import {
  EventEmitter, languages, window, workspace,
  type CancellationToken, type Disposable, type ExtensionContext, type LogOutputChannel,
} from 'vscode';
import { DidChangeConfigurationNotification, State, type LanguageClient, type MessageTransports, type RequestParam, type RequestType } from 'vscode-languageclient/node';
import {
  CatalogRequest, CoverageChangedNotification, CoverageRequest, DocumentsRequest, type ScopeParams,
} from '../../server/src/protocol/customMessages';
import { hasMarkdown, whenMarkdownAppears } from './detection';
import { createLanguageClient, MAX_RESTARTS } from './languageClient';
import { PolicySets } from './policySets';
import { forkServer, killIfRunning, type ServerProcess } from './serverProcess';
import { readSettings, type ServerSettings } from './settings';
import { configProblem, configProblemUris, hasConfigProblem } from './configProblem';
import { GenerationCache } from './generationCache';
import { CoverageStatusBar } from './statusBar';
import { isEmptySet, offerAdoption } from './views/emptySet';

/** Milliseconds to gather bursts of changes (several policy sets' notifications) into one refresh. */
const REFRESH_DELAY_MS = 250;

/** The requests whose answers change only with the server's coverage generation: asked once per generation and scope. */
const PER_GENERATION = new Set<string>([CoverageRequest.method, CatalogRequest.method, DocumentsRequest.method]);
const STOP_TIMEOUT_MS = 2000;

/**
 * The extension's one context: it owns the language client and the server process, the output
 * channel and the status bar; commands and views get it and ask the server through it.
 */
export class Ctx implements Disposable {
  /** The "Clausewise" output channel: server log, lifecycle and refused settings. */
  readonly output: LogOutputChannel;
  readonly status = new CoverageStatusBar();
  readonly policySets = new PolicySets();
  /** The coverage, catalog and document-list answers of the current coverage generation. */
  readonly answers = new GenerationCache();
  private client?: LanguageClient;
  private server?: ServerProcess;
  private settings: ServerSettings;
  private dormant?: Disposable;
  private starting?: Promise<void>;
  private refreshTimer?: NodeJS.Timeout;
  private readonly changed = new EventEmitter<void>();
  private readonly started = new EventEmitter<void>();
  private readonly disposables: Disposable[] = [];

  /** Fires when what the views show may have changed: a new coverage generation, the server (re)started, the policy set in view, or a config problem. */
  readonly onDidChangeCoverage = this.changed.event;
  /** Fires each time the language server is running again (first start, restart, restart after a crash). */
  readonly onDidStart = this.started.event;

  constructor(readonly extension: ExtensionContext) {
    this.output = window.createOutputChannel('Clausewise', { log: true });
    this.settings = this.checkedSettings();
    let scope = JSON.stringify(this.scope());
    let problem = JSON.stringify(configProblem() ?? null);
    // The files that carried a config problem at the last diagnostics change: only a change on one of them, or a
    // new problem on another file, reads every file's diagnostics again.
    const withProblem = new Set(configProblemUris().map((uri) => uri.toString()));
    this.disposables.push(
      this.output, this.status, this.changed, this.started,
      workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('clausewise') && this.settingsChanged()),
      workspace.onDidGrantWorkspaceTrust(() => this.settingsChanged()),
      // Coverage refreshes come from clausewise/coverageChanged alone; diagnostics matter only on a config or catalog
      // file (not Markdown), where a problem found or fixed changes the status item and the views' message.
      // TypeScript or ESLint publish on each keystroke: their files are read one by one, not all files' diagnostics.
      languages.onDidChangeDiagnostics((event) => {
        let touched = false;
        for (const uri of event.uris) {
          if (uri.scheme !== 'file' || uri.path.endsWith('.md')) continue;
          const key = uri.toString();
          const has = hasConfigProblem(uri);
          if (!has && !withProblem.has(key)) continue;
          touched = true;
          if (has) withProblem.add(key);
          else withProblem.delete(key);
        }
        if (!touched) return;
        const next = JSON.stringify(configProblem() ?? null);
        if (next !== problem) this.refreshSoon();
        problem = next;
      }),
      // An edit makes the kept answers older than the server's: a command run before the next coverageChanged
      // asks the server again (the views, which refresh on coverageChanged alone, send nothing meanwhile).
      workspace.onDidChangeTextDocument((event) => event.contentChanges.length > 0 && event.document.uri.scheme === 'file' && this.answers.clear()),
      window.onDidChangeActiveTextEditor(() => {
        const next = JSON.stringify(this.scope());
        if (next !== scope) this.refreshSoon();
        scope = next;
      }),
    );
  }

  /** Starts the server now if the workspace has a config or any Markdown file, else as soon as one appears. */
  async startWhenNeeded(): Promise<void> {
    if (await hasMarkdown()) return this.start();
    this.output.info('No .clausewise.yaml and no Markdown file in the workspace yet: the language server starts when one appears.');
    this.dormant = whenMarkdownAppears(() => void this.start().catch((error) => this.output.error(String(error))));
  }

  /** Starts the bundled server over IPC; a failed start says why in the output channel and the status bar. */
  async start(): Promise<void> {
    if (this.client) return;
    this.dormant?.dispose();
    this.status.starting();
    const client = createLanguageClient({
      output: this.output,
      spawn: () => this.spawn(),
      settings: () => this.settings,
      crashed: (restarting, restarts) => this.crashed(restarting, restarts),
      startFailed: (reason) => this.status.failed(reason),
    });
    this.client = client;
    client.onDidChangeState((event) => {
      if (event.newState !== State.Running) return;
      this.policySets.clear();
      this.answers.clear();
      this.started.fire();
      this.refreshSoon();
    });
    client.onNotification(CoverageChangedNotification, (params) => {
      this.policySets.update(params);
      if (this.answers.advance(params.generation)) this.refreshSoon();
    });
    try {
      this.starting = client.start();
      await this.starting;
      const version = client.initializeResult?.serverInfo?.version;
      this.output.info(`Language server${version ? ` ${version}` : ''} started (process ${this.serverPid()}); its lines below say what it indexed, from which config, and how long it took.`);
    } catch (error) {
      const reason = `the language server did not start: ${error instanceof Error ? error.message : String(error)}`;
      this.output.error(reason);
      this.status.failed(`${reason}.`);
      throw error;
    }
  }

  /** Stops the server cleanly (shutdown, exit), ending the process if it does not exit in time. */
  async stop(): Promise<void> {
    const client = this.client;
    const server = this.server;
    this.client = undefined;
    if (!client) return;
    try {
      await client.dispose(STOP_TIMEOUT_MS);
    } catch (error) {
      this.output.warn(`The language server did not shut down cleanly: ${error instanceof Error ? error.message : String(error)}`);
    }
    await exited(server, STOP_TIMEOUT_MS);
    killIfRunning(server);
  }

  /** Stop-and-dispose, then start (the "Restart Language Server" command). */
  async restart(): Promise<void> {
    this.output.info('Restarting the language server.');
    await this.stop();
    await this.start();
  }

  /**
   * Sends one of the requests declared in protocol/: its params and result are the type's. Coverage,
   * catalog and document list are asked once per coverage generation and scope. A command run before
   * the server started (no Markdown in the workspace yet) starts it, and one run while it starts waits for it.
   */
  async request<P, R>(type: RequestType<P, R, void>, params: RequestParam<P>, token?: CancellationToken): Promise<R> {
    if (!this.client) await this.start();
    else await this.starting?.catch(() => undefined);
    const client = this.client;
    if (!client?.isRunning()) throw new Error('the Clausewise language server is not running; run "Clausewise: Restart Language Server" (the "Clausewise" output says why it stopped)');
    if (PER_GENERATION.has(type.method)) return this.answers.answer(type.method, params, () => client.sendRequest(type, params));
    return client.sendRequest(type, params, token);
  }

  /** Whether the language server is running now. */
  isRunning(): boolean {
    return this.client?.isRunning() ?? false;
  }

  /** The scope of the views' requests: the folder of the policy set in view. */
  scope(): ScopeParams {
    return this.policySets.scope();
  }

  /** The server's process id (for the output channel and tests). */
  serverPid(): number | undefined {
    return this.server?.child.pid;
  }

  /** Asks the views and the status bar to fetch again, after a short pause that gathers bursts. */
  refreshSoon(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.changed.fire();
      void this.updateStatus();
    }, REFRESH_DELAY_MS);
  }

  /** Asks the server again for everything the views show (the Refresh command), then refreshes them. */
  refetch(): void {
    this.answers.clear();
    this.refreshSoon();
  }

  async dispose(): Promise<void> {
    clearTimeout(this.refreshTimer);
    this.dormant?.dispose();
    await this.stop();
    this.disposables.forEach((disposable) => disposable.dispose());
  }

  private spawn(): MessageTransports {
    this.server = forkServer(this.extension.asAbsolutePath('dist/server.js'), this.output);
    return this.server.transports;
  }

  private async crashed(restarting: boolean, restarts: number): Promise<void> {
    await exited(this.server, 1000);
    const reason = this.server?.ending() ?? 'its connection closed';
    if (restarting) {
      this.output.warn(`The language server stopped unexpectedly (${reason}); restarting it (restart ${restarts} of ${MAX_RESTARTS} within 3 minutes).`);
      this.status.restarting(reason);
      return;
    }
    const message = `the language server stopped unexpectedly ${restarts} times within 3 minutes (last: ${reason}) and is not restarted again.`;
    this.output.error(message);
    this.status.failed(`${message}`);
    const choice = await window.showErrorMessage(`Clausewise: ${message}`, 'Restart', 'Show Output');
    if (choice === 'Restart') void this.restart();
    if (choice === 'Show Output') this.output.show();
  }

  private async updateStatus(): Promise<void> {
    if (!this.isRunning()) return;
    const problem = configProblem();
    if (problem) return this.status.configError(problem);
    try {
      const report = await this.request(CoverageRequest, this.scope());
      this.status.coverage(report.catalog, report.totals);
      offerAdoption(isEmptySet(report));
    } catch (error) {
      this.output.warn(`Could not update the coverage in the status bar: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private checkedSettings(): ServerSettings {
    const { settings, refused } = readSettings();
    for (const message of refused) {
      this.output.warn(message);
      void window.showWarningMessage(message);
    }
    return settings;
  }

  private settingsChanged(): void {
    this.settings = this.checkedSettings();
    if (this.client?.isRunning()) void this.client.sendNotification(DidChangeConfigurationNotification.type, { settings: { clausewise: this.settings } });
  }
}

/** Resolves when the server process has exited, or after `timeout` ms. */
function exited(server: ServerProcess | undefined, timeout: number): Promise<void> {
  if (!server || server.ending()) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeout);
    server.child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
