import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CodeAction } from 'vscode-languageserver';
import { afterEach, describe, expect, it } from 'vitest';
import { appliedEdits, copySamples, startServer, uriOf, type TestServer } from './helpers/languageClient';
import { policyText, tempWorkspace } from '../helpers/tempWorkspace';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;

describe('the workspace', () => {
  it('is indexed at start with work-done progress on a token the server creates', async () => {
    const root = copySamples();
    server = startServer();
    const begin = server.waitFor<{ token: string; value: { kind: string; title: string } }>('$/progress', (p) => p.value.kind === 'begin');
    await server.initialize(root);
    const { token, value } = await begin;
    expect(value.title).toBe('Clausewise');
    const progress = server.received.filter((m) => m.method === '$/progress').map((m) => m.params as { token: string; value: { kind: string } });
    expect(progress.every((p) => p.token === token)).toBe(true);
    expect(progress.at(-1)!.value.kind).toBe('end');
    // The complete sample set has no findings, and with-problems/ is excluded by the root config, as in the CLI.
    // A file without findings gets no publish at all, so there is none to wait for: the server writes the
    // diagnostics of all 21 documents (one slice) in the same turn as the end of progress, so a request
    // sent after the end is answered after them. Check what was published only once it has answered.
    const documents = await server.request<{ documents: { uri: string }[] }>('clausewise/documents', {});
    expect(documents.documents).toHaveLength(21); // 20 policies and the Statement of Applicability
    expect([...server.diagnostics.values()].flat()).toEqual([]);
    expect(documents.documents.some((d) => d.uri.includes('with-problems'))).toBe(false);
  });

  it('registers file watchers for documents and configs, and follows files that are not open', async () => {
    const root = copySamples('with-problems');
    server = startServer();
    await server.initialize(root);
    const watchers = server.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')?.registerOptions as { watchers: { globPattern: string }[] };
    expect(watchers.watchers.map((w) => w.globPattern)).toEqual(['**/*.md', '**/*.markdown', '**/.clausewise.{yaml,yml,json}']);

    const added = join(root, 'new-standard.md');
    writeFileSync(added, readFileSync(join(root, 'teleworking-standard.md'), 'utf8').replace('STD-TW-001', 'STD-NEW-001'));
    const appeared = server.waitForDiagnostics(uriOf(added), (list) => list.some((d) => d.code === 'unknown-clause'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(added), type: CREATED }] });
    await appeared;

    writeFileSync(added, readFileSync(added, 'utf8').replace('6.22', '6.2.2'));
    const mended = server.waitForDiagnostics(uriOf(added), (list) => list.length === 0);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(added), type: CHANGED }] });
    await mended;

    const backup = join(root, 'backup-standard.md');
    rmSync(backup);
    const cleared = server.waitForDiagnostics(uriOf(backup), (list) => list.length === 0);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(backup), type: DELETED }] });
    await cleared;
  });

  it('clears a broken-reference finding on a root-relative link (/docs/y.md) when the file it names appears', async () => {
    const root = tempWorkspace({
      '.clausewise.yaml': 'include: ["policies/*.md"]\n',
      'policies/a.md': policyText('POL-A', '', '# Policy\n\nSee [the procedure](/docs/y.md).\n'),
    });
    server = startServer();
    await server.initialize(root);
    const a = uriOf(join(root, 'policies', 'a.md'));
    await server.waitForDiagnostics(a, (list) => list.some((d) => d.code === 'broken-reference'));
    const target = join(root, 'docs', 'y.md');
    mkdirSync(dirname(target));
    writeFileSync(target, '# The procedure\n');
    const cleared = server.waitForDiagnostics(a, (list) => !list.some((d) => d.code === 'broken-reference'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(target), type: CREATED }] });
    await cleared;
  });

  it('reloads the config when .clausewise.yaml changes and checks everything again', async () => {
    const root = copySamples('with-problems');
    server = startServer();
    await server.initialize(root);
    const clinic = uriOf(join(root, 'clinic-records-policy.md'));
    const before = await server.waitForDiagnostics(clinic, (list) => list.length > 0);
    expect(before.map((d) => [d.code, d.severity])).toEqual([['review-overdue', 2]]);
    appendFileSync(join(root, '.clausewise.yaml'), 'rules:\n  review-overdue: error\n');
    const reindexed = server.indexingEnded();
    const raised = server.waitForDiagnostics(clinic, (list) => list.some((d) => d.code === 'review-overdue' && d.severity === 1));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(join(root, '.clausewise.yaml')), type: CHANGED }] });
    await raised;
    await reindexed;
    // Everything else is as before.
    expect(server.diagnostics.get(uriOf(join(root, 'backup-standard.md')))?.map((d) => d.code)).toEqual(['missing-element']);
  });

  it('reports a config that cannot be used on the config file and keeps serving; a fixed config brings the documents back', async () => {
    const root = copySamples('with-problems');
    const configPath = join(root, '.clausewise.yaml');
    const good = readFileSync(configPath, 'utf8');
    writeFileSync(configPath, `${good}rules: [review-overdue\n`);
    server = startServer();
    const message = server.waitFor<{ type: number; message: string }>('window/showMessage');
    await server.initialize(root);
    expect((await message).message).toMatch(/config cannot be used.*this list is never closed/s);
    const configDiagnostics = await server.waitForDiagnostics(uriOf(configPath), (list) => list.length > 0);
    // On the [ never closed, not where the parser ran out of text.
    expect(configDiagnostics[0]).toMatchObject({ code: 'config-invalid', source: 'clausewise', severity: 1, range: { start: { line: 3, character: 7 } } });
    expect(server.diagnostics.get(uriOf(join(root, 'backup-standard.md')))).toBeUndefined();
    // Still serving: a hover on an open document answers (null: the document cannot be checked).
    const backup = join(root, 'backup-standard.md');
    await server.open(uriOf(backup), readFileSync(backup, 'utf8'));
    expect(await server.request('textDocument/hover', { textDocument: { uri: uriOf(backup) }, position: { line: 11, character: 11 } })).toBeNull();

    writeFileSync(configPath, good);
    const cleared = server.waitForDiagnostics(uriOf(configPath), (list) => list.length === 0);
    const back = server.waitForDiagnostics(uriOf(backup), (list) => list.some((d) => d.code === 'missing-element'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(configPath), type: CHANGED }] });
    await cleared;
    await back;
  });


  it('leaves out a misspelt key of the config with a warning and a rename fix, and keeps checking with the rest', async () => {
    const root = copySamples('with-problems');
    const configPath = join(root, '.clausewise.yaml');
    const good = readFileSync(configPath, 'utf8');
    writeFileSync(configPath, `${good}rules:\n  review-overdue: error\n  missing-elements: off\n`);
    server = startServer();
    const message = server.waitFor<{ type: number; message: string }>('window/showMessage');
    await server.initialize(root);
    const announced = await message;
    expect(announced).toMatchObject({ type: 2, message: expect.stringMatching(/unknown key "missing-elements" \(did you mean "missing-element"\?\)\. That part is ignored; the rest of the config is used\.$/) });
    // The documents are still checked, with the rest of the config (review-overdue raised to an error).
    expect((await server.waitForDiagnostics(uriOf(join(root, 'backup-standard.md')), (list) => list.length > 0)).map((d) => d.code)).toEqual(['missing-element']);
    expect((await server.waitForDiagnostics(uriOf(join(root, 'clinic-records-policy.md')), (list) => list.length > 0)).map((d) => [d.code, d.severity])).toEqual([['review-overdue', 1]]);
    const [warning] = await server.waitForDiagnostics(uriOf(configPath), (list) => list.length > 0);
    expect(warning).toMatchObject({ code: 'config-invalid', severity: 2, message: expect.stringMatching(/ignored, the rest of the config is used$/) });
    const [rename] = await server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(configPath) }, range: warning!.range, context: { diagnostics: [warning] } });
    expect(rename).toMatchObject({ title: 'Rename "missing-elements" to "missing-element"', isPreferred: true });
    const text = readFileSync(configPath, 'utf8');
    expect(appliedEdits(text, uriOf(configPath), rename?.edit)).toBe(text.replace('missing-elements', 'missing-element'));
    // Checking again (a document saved) announces nothing new.
    const backup = join(root, 'backup-standard.md');
    const count = () => server!.received.filter((received) => received.method === 'window/showMessage').length;
    const before = count();
    const reindexed = server.indexingEnded();
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(backup), type: CHANGED }, { uri: uriOf(configPath), type: CHANGED }] });
    await reindexed;
    expect(count()).toBe(before);
  });

  it('follows workspace folders added and removed', async () => {
    const first = copySamples('with-problems');
    const second = copySamples('with-problems');
    server = startServer();
    await server.initialize(first);
    const inFirst = uriOf(join(first, 'backup-standard.md'));
    const inSecond = uriOf(join(second, 'backup-standard.md'));
    await server.waitForDiagnostics(inFirst, (list) => list.length === 1);
    const added = server.waitForDiagnostics(inSecond, (list) => list.length === 1);
    const gone = server.waitForDiagnostics(inFirst, (list) => list.length === 0);
    await server.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: uriOf(second), name: 'second' }], removed: [{ uri: uriOf(first), name: 'workspace' }] },
    });
    await added;
    await gone;
  });
});

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
