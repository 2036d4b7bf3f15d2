import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction, CodeLens } from 'vscode-languageserver';
import { copySamples, fullCapabilities, rangeOf, startServer, uriOf, type TestServer } from './helpers/languageClient';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** A server that has been told `initialized` but may still be indexing: nothing is waited for. Indexing starts once `gate` resolves. */
async function startedNotIndexed(root: string, gate?: Promise<void>): Promise<TestServer> {
  const started = startServer();
  if (gate) started.progressCreateGate = gate;
  const uri = pathToFileURL(root).href;
  await started.request('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'workspace' }], capabilities: fullCapabilities });
  await started.connection.sendNotification('initialized', {});
  return started;
}

/** A sample's URI and text in the workspace copy. */
function sample(root: string, name: string): { uri: string; text: string } {
  const path = join(root, name);
  return { uri: uriOf(path), text: readFileSync(path, 'utf8') };
}

describe('requests right after a document opens, before its first check', () => {
  it('code actions wait for the check and offer the finding’s fix', async () => {
    const root = copySamples('with-problems');
    server = await startedNotIndexed(root);
    const { uri, text } = sample(root, 'teleworking-standard.md');
    await server.open(uri, text);
    const actions = await server.request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri }, range: rangeOf(text, '6.22'), context: { diagnostics: [], only: ['quickfix'] } });
    expect((actions ?? []).map((action) => action.title)).toContain('Change to 6.2.2 Teleworking');
  });

  it('a document opened as indexing files it from disk: code actions answer for the editor’s text, and the debug log says which version answered', async () => {
    const root = copySamples('with-problems');
    let release: () => void = () => undefined;
    server = await startedNotIndexed(root, new Promise((resolve) => (release = resolve)));
    const { uri, text } = sample(root, 'teleworking-standard.md');
    // The editor's text differs from the disk's: an answer from the indexed file would offer 6.2.2.
    const edited = text.replace('clauses: [6.22]', 'clauses: [9.22]');
    const analysing = server.waitFor<{ value: { kind: string } }>('$/progress', (params) => params.value.kind === 'report', { timeout: 60_000 });
    release();
    await analysing;
    await server.open(uri, edited);
    const actions = await server.request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri }, range: rangeOf(edited, '9.22'), context: { diagnostics: [], only: ['quickfix'], triggerKind: 1 } });
    const titles = (actions ?? []).map((action) => action.title);
    expect(titles).toContain('Change to 9.2.2 User access provisioning');
    expect(titles).not.toContain('Change to 6.2.2 Teleworking');
    const logged = server.received.filter((message) => message.method === 'window/logMessage').map((message) => (message.params as { message: string }).message);
    expect(logged.filter((line) => line.startsWith(`codeAction ${uri} `))).toEqual([expect.stringMatching(/^codeAction \S+ 12:11-12:15 \(invoked, only quickfix\): editor v1, findings of v1 \(\d+, in range: unknown-clause\); waited \d+ ms; \d+ actions$/)]);
  });

  it('code actions after an edit answer for the edited text', async () => {
    const root = copySamples('with-problems');
    server = startServer();
    await server.initialize(root);
    const { uri, text } = sample(root, 'teleworking-standard.md');
    await server.open(uri, text.replace('clauses: [6.22]', 'clauses: [6.2.2]'));
    const edited = text.replace('clauses: [6.22]', 'clauses: [6.2.2, 9.22]');
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    const actions = await server.request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri }, range: rangeOf(edited, '9.22'), context: { diagnostics: [], only: ['quickfix'] } });
    expect((actions ?? []).map((action) => action.title)).toContain('Change to 9.2.2 User access provisioning');
  });

  it('the code lens waits for the check and counts the missing elements', async () => {
    const root = copySamples('with-problems');
    server = await startedNotIndexed(root);
    const { uri, text } = sample(root, 'backup-standard.md');
    await server.open(uri, text);
    const lenses = await server.request<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri } });
    expect(lenses?.map((lens) => lens.command?.title)).toEqual(['covers 1 control · 1 element missing']);
  });
});
