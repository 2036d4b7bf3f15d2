import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { copySamples, serverPath, startIpcServer, startServer, uriOf, type TestServer } from './helpers/languageClient';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** Exactly the implemented features: nothing advertised that answers nothing. */
const capabilities = {
  textDocumentSync: { openClose: true, change: 2 },
  hoverProvider: true,
  completionProvider: { triggerCharacters: [' ', '#', '[', ',', '.', '§'] },
  codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.clausewise', 'refactor.clausewise.suggestClauses', 'refactor.rewrite.clausewise.migrate'] },
  definitionProvider: true,
  referencesProvider: true,
  documentSymbolProvider: true,
  workspaceSymbolProvider: true,
  inlayHintProvider: true,
  codeLensProvider: { resolveProvider: false },
  executeCommandProvider: { commands: ['clausewise.showFixResult'] },
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};

describe('the server process', () => {
  it('leaves document symbols to a client that has an outline of its own (initializationOptions.documentSymbols: false)', async () => {
    server = startServer(['--stdio']);
    const result = await server.initialize(copySamples('with-problems'), { initializationOptions: { documentSymbols: false } });
    const { documentSymbolProvider, ...rest } = capabilities;
    expect(documentSymbolProvider).toBe(true);
    expect(result.capabilities).toEqual(rest);
  });

  it('answers initialize over --stdio with its name, version and capabilities, and exits 0 after shutdown', async () => {
    server = startServer(['--stdio']);
    const result = await server.initialize(copySamples('with-problems'));
    expect(result.serverInfo).toEqual({ name: 'clausewise', version });
    expect(result.capabilities).toEqual(capabilities);
    const code = await server.stop();
    server = undefined;
    expect(code).toBe(0);
  });

  it('runs over --node-ipc too', async () => {
    server = startIpcServer();
    const root = copySamples('with-problems');
    const result = await server.initialize(root);
    expect(result.serverInfo?.name).toBe('clausewise');
    const diagnostics = await server.waitForDiagnostics(uriOf(join(root, 'backup-standard.md')), (list) => list.length > 0);
    expect(diagnostics.map((d) => d.code)).toEqual(['missing-element']);
  });

  it('prints its usage and exits 2 without a transport', () => {
    const result = spawnSync(process.execPath, [serverPath], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Usage: clausewise-language-server --stdio \| --node-ipc/);
  });

  it('works without a workspace folder, checking the open document on its own', async () => {
    server = startServer();
    await server.initialize(undefined, { capabilities: {} });
    const root = copySamples('with-problems');
    const uri = uriOf(join(root, 'backup-standard.md'));
    await server.open(uri, readFileSync(join(root, 'backup-standard.md'), 'utf8'));
    expect((await server.waitForDiagnostics(uri, (list) => list.length > 0)).map((d) => d.code)).toEqual(['missing-element']);
  });
});
