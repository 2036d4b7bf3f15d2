import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CancellationTokenSource, ResponseError } from 'vscode-languageserver/node';
import { CoverageRequest } from '../../server/src/protocol/customMessages';
import { copySamples, fullCapabilities, startServer, uriOf, type TestServer } from './helpers/languageClient';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('robustness', () => {
  it('a cancelled request is answered with RequestCancelled, and the next one still works', async () => {
    const root = copySamples();
    server = startServer();
    // Hold back the progress token so indexing (which workspace-wide requests wait for) cannot start yet.
    let release!: () => void;
    server.progressCreateGate = new Promise((resolve) => (release = resolve));
    await server.connection.sendRequest('initialize', { processId: null, rootUri: uriOf(root), workspaceFolders: [{ uri: uriOf(root), name: 'w' }], capabilities: fullCapabilities });
    const indexed = server.indexingEnded();
    await server.connection.sendNotification('initialized', {});
    const source = new CancellationTokenSource();
    const cancelled = server.connection.sendRequest(CoverageRequest.method, {}, source.token);
    source.cancel();
    release();
    const error = await cancelled.then(() => undefined, (reason: unknown) => reason);
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError<unknown>).code).toBe(-32800);
    await indexed;
    expect(await server.request<{ totals: { covered: number } }>(CoverageRequest.method, {})).toMatchObject({ totals: { covered: 113 } });
  });

  it('answers an unknown request with MethodNotFound and a failing feature with a logged null, and keeps serving', async () => {
    const root = copySamples('with-problems');
    server = startServer();
    await server.initialize(root);
    const unknown = await server.request('clausewise/nothing', {}).then(() => undefined, (reason: unknown) => reason);
    expect((unknown as ResponseError<unknown>).code).toBe(-32601);
    const uri = uriOf(join(root, 'backup-standard.md'));
    await server.open(uri, '---\nid: X\nclauses: [12.3.1]\n---\n# X\n');
    const logged = server.waitFor<{ message: string }>('window/logMessage', (params) => params.message.includes('Clausewise hover failed'));
    expect(await server.request('textDocument/hover', { textDocument: { uri } })).toBeNull();
    await logged;
    expect(await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 11 } })).toMatchObject({ contents: { kind: 'markdown' } });
  });

  it('reports documents it cannot read or parse as findings and carries on', async () => {
    const root = copySamples('with-problems');
    writeFileSync(join(root, 'binary.md'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]));
    writeFileSync(join(root, 'broken-yaml.md'), '---\nid: BROKEN\nclauses: [9.4.2\ntitle: x: y\n---\n# Broken\n');
    writeFileSync(join(root, 'unclosed.md'), '---\nid: UNCLOSED\nclauses: [9.4.2]\n# No closing fence\n');
    writeFileSync(join(root, 'huge.md'), `---\nid: HUGE\nclauses: []\n---\n${'Long text. '.repeat(220_000)}`);
    server = startServer();
    await server.initialize(root);
    const codes = async (name: string) => (await server!.waitForDiagnostics(uriOf(join(root, name)), (list) => list.length > 0)).map((d) => d.code);
    expect(await codes('binary.md')).toEqual(['unreadable-file']);
    expect(await codes('broken-yaml.md')).toContain('frontmatter-syntax');
    expect(await codes('unclosed.md')).toContain('frontmatter-syntax');
    expect(await codes('huge.md')).toEqual(['unreadable-file']);
    expect(await codes('backup-standard.md')).toEqual(['missing-element']);
  });
});
