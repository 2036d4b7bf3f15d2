import {
  CodeActionKind, DidChangeWatchedFilesNotification, ErrorCodes, ResponseError, TextDocuments, TextDocumentSyncKind,
  type ClientCapabilities, type Connection, type InitializeError, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../../package.json';
import { catalogTree } from './catalogTree';
import {
  AddClausesEditRequest, CatalogRequest, CoverageReportRequest, CoverageRequest, DocumentsRequest, FIX_ALL_KIND, MigrateWorkspaceRequest, SuggestClausesRequest,
} from '../protocol/customMessages';
import { MarkReviewedEditRequest } from '../protocol/reviewMessages';
import { codeActions } from './codeActions';
import { MIGRATE_KIND, migrateWorkspace } from './migrateAction';
import { SUGGEST_KIND } from './suggestClauseActions';
import { addClausesEdit, suggestClausesForRequest } from './suggestClauseRequests';
import { codeLenses } from './codeLens';
import { ControlPageRequest, ExclusionRegisterRequest } from '../protocol/controlMessages';
import { AdoptFolderRequest, ControlPlacesRequest, ExcludeControlEditRequest } from '../protocol/gapMessages';
import { adoptFolder } from './adoptFolder';
import { controlPlaces } from './controlPlaces';
import { excludeControlEdit } from './excludeControl';
import { controlPage } from './controlPage';
import { exclusionRegister } from './exclusionRegister';
import { completion, COMPLETION_TRIGGERS } from './completion';
import { ConfigProblems } from './configProblems';
import { guarded, reported, type ServerContext } from './context';
import { CoverageNotifier, coverageReport } from './coverage';
import { renderCoverageReport } from './coverageReport';
import { definition } from './definition';
import { DiagnosticsPublisher } from './diagnostics';
import { documentList } from './documentList';
import { hover } from './hover';
import { indexingReport } from './indexLog';
import { inlayHints } from './inlayHints';
import { references } from './references';
import { markReviewedEdit } from './reviewRequests';
import { analysisSettings, DEFAULT_SETTINGS, readSettings } from './settings';
import { documentSymbols, workspaceSymbols } from './symbols';
import { filePathOf } from './folders';
import { SHOW_FIX_RESULT, showFixResult } from './fixResult';
import { LiveWorkspace } from './workspace';

/** Files the client watches for us: policy documents and configs. */
const WATCHED = ['**/*.md', '**/*.markdown', '**/.clausewise.{yaml,yml,json}'];

/** Wires every feature to a connection: the one place that knows which handler answers which method. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const publisher = new DiagnosticsPublisher(connection);
  const configProblems = new ConfigProblems(connection, publisher);
  const log = (message: string) => connection.console.error(message);
  let context: ServerContext | undefined;
  const ctx = (): ServerContext => {
    if (!context) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'the server is not initialized yet: send initialize first, as LSP requires');
    return context;
  };

  connection.onInitialize((params: InitializeParams): InitializeResult | ResponseError<InitializeError> => {
    // LSP allows one initialize per server; answering another would swap in a new, empty workspace under the client.
    if (context) return new ResponseError(ErrorCodes.InvalidRequest, 'the server is already initialized: a client sends initialize once, then shutdown and exit before starting a new server', { retry: false });
    const settings = readSettings(params.initializationOptions, { ...DEFAULT_SETTINGS });
    const workspace: LiveWorkspace = new LiveWorkspace(
      documents,
      {
        findingsChanged: (entries) => entries.forEach((entry) => publisher.publish(entry, workspace.uriOf(entry.path), workspace.versionOf(entry.path))),
        delivered: () => publisher.written(),
        dropped: (paths) => paths.forEach((path) => publisher.clear(path)),
        reindexed: (paths) => publisher.retainOnly(new Set([...paths, ...configProblems.paths()])),
        configErrors: (errors, ignored) => configProblems.update(errors, ignored),
        coverageMayHaveChanged: () => notifier.schedule(),
        indexed: (milliseconds) => {
          for (const line of indexingReport(workspace.session, milliseconds, workspace.session.configErrors(), workspace.session.configWarnings())) connection.console[line.level](line.text);
        },
        log,
      },
      () => ctx().settings.debounce,
      () => connection.window.createWorkDoneProgress(),
      folderPaths(params)[0] ?? process.cwd(),
    );
    const notifier = new CoverageNotifier(connection, workspace, log);
    workspace.folders.set(folderPaths(params));
    connection.console.info(`Clausewise language server ${version} (Node ${process.versions.node}); workspace folders: ${workspace.folders.paths().join(', ') || 'none (open documents only)'}.`);
    context = { connection, workspace, settings, capabilities: params.capabilities, clientCommands: clientCommandsOf(params.initializationOptions) };
    applySettings(context);
    return { capabilities: serverCapabilities(documentSymbolsOf(params.initializationOptions)), serverInfo: { name: 'clausewise', version } };
  });

  connection.onShutdown(() => {
    if (context?.shutDown) return new ResponseError(ErrorCodes.InvalidRequest, 'the server is already shutting down: send exit');
    if (context) context.shutDown = true;
    return undefined;
  });

  connection.onInitialized(async () => {
    const { capabilities, workspace } = ctx();
    const attempt = (what: string, step: Promise<unknown>) => step.catch((error: unknown) => log(`Clausewise could not ${what}: ${(error as Error).message ?? String(error)}`));
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      await attempt('register its file watchers', connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) }));
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => workspace.pathOf(folder.uri)));
        const added = event.added.map((folder) => workspace.pathOf(folder.uri)).filter((path): path is string => path !== undefined);
        workspace.folders.set([...workspace.folders.paths().filter((path) => !removed.has(path)), ...added]);
        applySettings(ctx());
        void workspace.reindex();
      });
    }
    await attempt('read its settings', pullSettings(capabilities));
    applySettings(ctx());
    await workspace.reindex();
  });

  /**
   * Gives the core the editor's defaults for documents without a config file, and confines config
   * catalogs to the workspace folders (a workspace must not make the tool read files outside it).
   */
  function applySettings(current: ServerContext): void {
    const { settings, workspace } = current;
    workspace.session.configure({ defaultRules: settings.rules, defaultCatalog: settings.catalog, confineCatalogTo: workspace.folders.paths(), dropInvalid: true });
  }

  async function pullSettings(capabilities: ClientCapabilities): Promise<void> {
    if (!capabilities.workspace?.configuration) return;
    const value: unknown = await connection.workspace.getConfiguration('clausewise');
    ctx().settings = readSettings(value, ctx().settings);
  }

  connection.onDidChangeConfiguration(async (params) => {
    const current = ctx();
    const before = analysisSettings(current.settings);
    current.settings = readSettings(params.settings, current.settings);
    if (params.settings === null || params.settings === undefined) await pullSettings(current.capabilities).catch((error: unknown) => log(`Clausewise could not read its settings: ${(error as Error).message}`));
    if (analysisSettings(current.settings) === before) return;
    applySettings(current);
    await current.workspace.reindex();
  });
  documents.onDidChangeContent((event) => context?.workspace.documentChanged(event.document.uri));
  documents.onDidClose((event) => context?.workspace.documentClosed(event.document.uri));
  connection.onDidChangeWatchedFiles((params) => void context?.workspace.filesChanged(params.changes));

  connection.onHover(guarded(ctx, 'hover', null, (params) => hover(ctx(), params)));
  connection.onCompletion(guarded(ctx, 'completion', null, (params) => completion(ctx(), params)));
  connection.onCodeAction(guarded(ctx, 'code actions', null, (params, token) => codeActions(ctx(), params, token)));
  connection.onDefinition(guarded(ctx, 'definition', null, (params) => definition(ctx(), params)));
  connection.onReferences(guarded(ctx, 'references', null, (params, token) => references(ctx(), params, token)));
  connection.onDocumentSymbol(guarded(ctx, 'document symbols', null, (params) => documentSymbols(ctx(), params)));
  connection.onWorkspaceSymbol(guarded(ctx, 'workspace symbols', [], (params, token) => workspaceSymbols(ctx(), params, token)));
  connection.languages.inlayHint.on(guarded(ctx, 'inlay hints', null, (params) => inlayHints(ctx(), params)));
  connection.onCodeLens(guarded(ctx, 'code lens', null, (params, token) => codeLenses(ctx(), params, token)));
  connection.onExecuteCommand(guarded(ctx, 'command', null, async (params) => {
    if (params.command === SHOW_FIX_RESULT) await showFixResult(ctx(), params.arguments?.[0]);
    return null;
  }));
  connection.onRequest(CoverageRequest, reported(ctx, 'coverage', (params, token) => coverageReport(ctx(), params, token)));
  connection.onRequest(CatalogRequest, reported(ctx, 'catalog', (params) => catalogTree(ctx(), params)));
  connection.onRequest(DocumentsRequest, reported(ctx, 'documents', (params, token) => documentList(ctx(), params, token)));
  connection.onRequest(CoverageReportRequest, reported(ctx, 'coverage report', (params, token) => renderCoverageReport(ctx(), params, token)));
  connection.onRequest(SuggestClausesRequest, reported(ctx, 'clause suggestions', (params, token) => suggestClausesForRequest(ctx(), params, token)));
  connection.onRequest(AddClausesEditRequest, reported(ctx, 'adding clauses', (params, token) => addClausesEdit(ctx(), params, token)));
  connection.onRequest(MigrateWorkspaceRequest, reported(ctx, 'migrating the workspace', (params, token) => migrateWorkspace(ctx(), params, token)));
  connection.onRequest(MarkReviewedEditRequest, reported(ctx, 'marking as reviewed', (params, token) => markReviewedEdit(ctx(), params, token)));
  connection.onRequest(ControlPageRequest, reported(ctx, 'control page', (params, token) => controlPage(ctx(), params, token)));
  connection.onRequest(ExclusionRegisterRequest, reported(ctx, 'exclusion register', (params, token) => exclusionRegister(ctx(), params, token)));
  connection.onRequest(AdoptFolderRequest, reported(ctx, 'adopting the folder', (params, token) => adoptFolder(ctx(), params, token)));
  connection.onRequest(ExcludeControlEditRequest, reported(ctx, 'excluding a control', (params, token) => excludeControlEdit(ctx(), params, token)));
  connection.onRequest(ControlPlacesRequest, reported(ctx, 'ranking documents for a control', (params, token) => controlPlaces(ctx(), params, token)));

  documents.listen(connection);
  connection.listen();
}

/** `initializationOptions.clientCommands`: the commands the client runs itself (the VS Code extension's "Suggest clauses…"). */
function clientCommandsOf(options: unknown): ReadonlySet<string> {
  const list = (options as { clientCommands?: unknown } | null | undefined)?.clientCommands;
  return new Set(Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : []);
}

/**
 * `initializationOptions.documentSymbols: false`: the client has an outline of its own (VS Code's
 * Markdown headings), which a second provider would split; workspace symbols stay.
 */
function documentSymbolsOf(options: unknown): boolean {
  return (options as { documentSymbols?: unknown } | null | undefined)?.documentSymbols !== false;
}

/** Only what is implemented: push diagnostics, and one handler per capability below. */
function serverCapabilities(documentSymbols: boolean): InitializeResult['capabilities'] {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    hoverProvider: true,
    completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, SUGGEST_KIND, MIGRATE_KIND] },
    definitionProvider: true,
    referencesProvider: true,
    ...(documentSymbols ? { documentSymbolProvider: true } : {}),
    workspaceSymbolProvider: true,
    inlayHintProvider: true,
    codeLensProvider: { resolveProvider: false },
    executeCommandProvider: { commands: [SHOW_FIX_RESULT] },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}

function folderPaths(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const paths = uris.map(filePathOf).filter((path): path is string => path !== undefined);
  return paths.length || !params.rootPath ? paths : [params.rootPath];
}
