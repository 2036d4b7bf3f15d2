import { fork, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from 'vscode-languageserver/node';
import type { ClientCapabilities, Diagnostic, InitializeResult, Position, PublishDiagnosticsParams, Range as LspRange } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll } from 'vitest';
import { repoRoot } from '../../helpers/paths';

export const serverPath = join(repoRoot, 'dist', 'server.js');

/** What the test client tells the server it supports: everything the server can use. */
export const fullCapabilities: ClientCapabilities = {
  window: { workDoneProgress: true, showDocument: { support: true } },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    completion: { completionItem: { snippetSupport: true } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
    publishDiagnostics: { relatedInformation: false },
  },
};

interface Received {
  method: string;
  params: unknown;
}

/** A real server process on stdio, driven method by method, with every message it sends recorded. */
export class TestServer {
  readonly connection: MessageConnection;
  readonly received: Received[] = [];
  /** The latest diagnostics per URI. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  stderr = '';
  /** Settings returned for workspace/configuration. */
  settings: unknown = null;
  /** Lets a test hold back the answer to window/workDoneProgress/create. */
  progressCreateGate: Promise<void> = Promise.resolve();
  private readonly listeners: (() => void)[] = [];

  constructor(readonly process: ChildProcess, transport: 'stdio' | 'ipc' = 'stdio') {
    process.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection =
      transport === 'ipc'
        ? createMessageConnection(new IPCMessageReader(process), new IPCMessageWriter(process))
        : createMessageConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
    this.connection.onNotification((method, params) => this.record(method, params));
    // vscode-jsonrpc routes $/progress to progress handlers, not to the catch-all notification handler.
    this.connection.onUnhandledProgress((params) => this.record('$/progress', params));
    this.connection.onRequest('window/workDoneProgress/create', async () => {
      await this.progressCreateGate;
      return null;
    });
    this.connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    // Recorded like a notification, so a test can wait for it.
    this.connection.onRequest('window/showDocument', (params: unknown) => {
      this.record('window/showDocument', params);
      return { success: true };
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.listen();
  }

  private record(method: string, params: unknown): void {
    this.received.push({ method, params });
    if (method === 'textDocument/publishDiagnostics') {
      const published = params as PublishDiagnosticsParams;
      this.diagnostics.set(published.uri, published.diagnostics);
    }
    for (const listener of [...this.listeners]) listener();
  }

  /** Resolves with the first notification (from now on, or already received when `past`) that matches. */
  waitFor<T = unknown>(method: string, matches: (params: T) => boolean = () => true, options: { past?: boolean; timeout?: number } = {}): Promise<T> {
    const start = options.past ? 0 : this.received.length;
    return new Promise((resolve, reject) => {
      let seen = start;
      const check = () => {
        for (; seen < this.received.length; seen++) {
          const message = this.received[seen]!;
          if (message.method === method && matches(message.params as T)) {
            this.listeners.splice(this.listeners.indexOf(check), 1);
            clearTimeout(timer);
            resolve(message.params as T);
            return;
          }
        }
      };
      const timer = setTimeout(() => {
        this.listeners.splice(this.listeners.indexOf(check), 1);
        reject(new Error(`no ${method} matching within ${options.timeout ?? 15000} ms; stderr:\n${this.stderr}`));
      }, options.timeout ?? 15_000);
      this.listeners.push(check);
      check();
    });
  }

  /** Resolves when the diagnostics of a URI (as last published) satisfy `matches`, now or after a later publish. */
  waitForDiagnostics(uri: string, matches: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    const current = this.diagnostics.get(uri);
    if (current && matches(current)) return Promise.resolve(current);
    return this.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (params) => params.uri === uri && matches(params.diagnostics)).then((params) => params.diagnostics);
  }

  /** initialize + initialized for one workspace folder; resolves with the result once indexing has ended (when the client supports progress). */
  async initialize(root: string | undefined, options: { capabilities?: ClientCapabilities; initializationOptions?: unknown } = {}): Promise<InitializeResult> {
    const uri = root ? pathToFileURL(root).href : null;
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: uri ? [{ uri, name: 'workspace' }] : null,
      capabilities: options.capabilities ?? fullCapabilities,
      initializationOptions: options.initializationOptions,
    });
    // Without work-done progress there is no end of indexing to wait for.
    const progress = (options.capabilities ?? fullCapabilities).window?.workDoneProgress === true;
    const indexed = progress ? this.indexingEnded() : Promise.resolve();
    await this.connection.sendNotification('initialized', {});
    await indexed;
    return result;
  }

  /** Resolves when the next work-done progress ends (the server's indexing). */
  indexingEnded(): Promise<unknown> {
    return this.waitFor<{ value: { kind: string } }>('$/progress', (params) => params.value.kind === 'end', { timeout: 60_000 });
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  /** An incremental change: replaces `range` with `text`. */
  edit(uri: string, version: number, range: LspRange, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  /** shutdown + exit; resolves with the process exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.process.exitCode !== null) resolve(this.process.exitCode);
      else this.process.once('exit', (code) => resolve(code));
    });
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // The server is gone or stuck: make sure the process does not outlive the test.
      this.process.kill();
    }
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

/** Starts dist/server.js over stdio (with `env` added to this process's environment). */
export function startServer(args: string[] = ['--stdio'], env: NodeJS.ProcessEnv = {}): TestServer {
  return new TestServer(spawn(process.execPath, [serverPath, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } }));
}

/** Starts dist/server.js with --node-ipc (a forked Node process with an IPC channel). */
export function startIpcServer(): TestServer {
  return new TestServer(fork(serverPath, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] }), 'ipc');
}

const copies: string[] = [];
// Registered while the importing test file is collected, so each file removes its own copies.
afterAll(() => copies.splice(0).forEach((copy) => rmSync(copy, { recursive: true, force: true })));

/** A fresh copy of a folder of samples/ (or the whole of it) to use as a workspace; removed when the tests end. */
export function copySamples(folder = ''): string {
  const root = mkdtempSync(join(tmpdir(), 'clausewise-lsp-'));
  copies.push(root);
  cpSync(join(repoRoot, 'samples', folder), root, { recursive: true });
  return root;
}

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

/** The position of the `occurrence`-th `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 1): Position {
  let offset = -1;
  for (let i = 0; i < occurrence; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`"${needle}" is not in the text`);
  const before = text.slice(0, offset + delta).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

/** The range covering the first `needle` in `text`. */
export function rangeOf(text: string, needle: string): LspRange {
  return { start: positionOf(text, needle), end: positionOf(text, needle, needle.length) };
}

/**
 * The text of one document after a workspace edit's changes to it (`changes[uri]`), applied as a
 * client applies them; throws when the edit does not change that document.
 */
export function appliedEdits(text: string, uri: string, edit: { changes?: Record<string, readonly { range: LspRange; newText: string }[]> } | undefined): string {
  const edits = edit?.changes?.[uri];
  if (!edits) throw new Error(`the edit changes nothing in ${uri}`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 1, text), [...edits]);
}
