import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copySamples, startServer, uriOf, type TestServer } from './helpers/languageClient';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const CREATED = 1;
const CHANGED = 2;

describe('files the watcher reports that are not regular files', () => {
  it('a FIFO becomes an unreadable-file finding, a link to /dev/zero is ignored, a FIFO catalog is a config problem; the server keeps answering', async () => {
    const root = copySamples('with-problems');
    server = startServer();
    await server.initialize(root);
    const pipe = join(root, 'pipe.md');
    const zero = join(root, 'zero.md');
    execFileSync('mkfifo', [pipe]);
    symlinkSync('/dev/zero', zero);
    const refused = server.waitForDiagnostics(uriOf(pipe), (list) => list.some((d) => d.code === 'unreadable-file'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(pipe), type: CREATED }, { uri: uriOf(zero), type: CREATED }] });
    const [diagnostic] = await refused;
    expect(diagnostic!.message).toContain('named pipe (FIFO)');
    const { documents } = await server.request<{ documents: { uri: string }[] }>('clausewise/documents', {});
    expect(documents.map((d) => d.uri)).not.toContain(uriOf(zero));

    const catalog = join(root, 'catalog.yaml');
    execFileSync('mkfifo', [catalog]);
    const config = join(root, '.clausewise.yaml');
    writeFileSync(config, 'catalog: catalog.yaml\n');
    const problem = server.waitForDiagnostics(uriOf(catalog), (list) => list.some((d) => /not a regular file/.test(String(d.message))));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: CHANGED }] });
    await problem;
    expect(await server.request('textDocument/hover', { textDocument: { uri: uriOf(join(root, 'backup-standard.md')) }, position: { line: 0, character: 0 } })).toBeDefined();
  });
});
