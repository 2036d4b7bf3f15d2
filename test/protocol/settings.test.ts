import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixturesDir } from '../helpers/paths';
import { runCli } from '../helpers/run';
import { policyText, tempWorkspace } from '../helpers/tempWorkspace';
import { startServer, uriOf, type TestServer } from './helpers/languageClient';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const overdue = policyText('POL-1', 'last-reviewed: 2020-01-01\nrelated: [NOPE-1]\n');

describe('editor settings and workspace limits', () => {
  it('clausewise.rules set severities for documents that no .clausewise.yaml governs, and a change re-checks', async () => {
    const root = tempWorkspace({ 'a.md': overdue });
    server = startServer();
    await server.initialize(root, { initializationOptions: { clausewise: { debounce: 0, rules: { 'review-overdue': 'off', 'broken-reference': 'warning' } } } });
    const uri = uriOf(join(root, 'a.md'));
    const first = await server.waitForDiagnostics(uri, (list) => list.length > 0);
    expect(first.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([['broken-reference', 2]]);
    const changed = server.waitForDiagnostics(uri, (list) => list.some((diagnostic) => diagnostic.code === 'review-overdue'));
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { clausewise: { rules: {} } } });
    expect((await changed).map((diagnostic) => diagnostic.code).sort()).toEqual(['broken-reference', 'review-overdue']);
  });

  it('an invalid CLAUSEWISE_THREADS is a warning in the log and one message naming the value and what it accepts; checking goes on with the default', async () => {
    const root = tempWorkspace({ 'a.md': overdue });
    server = startServer(['--stdio'], { CLAUSEWISE_THREADS: 'two' });
    await server.initialize(root, { initializationOptions: { clausewise: { debounce: 0 } } });
    const about = (method: string) => server!.received.filter((each) => each.method === method).map((each) => each.params as { type: number; message: string }).filter((params) => params.message.includes('CLAUSEWISE_THREADS'));
    const warning = /^Clausewise: CLAUSEWISE_THREADS is "two": set it to a whole number of checking threads from 1 to 16, or unset it .*the language server uses the default, \d+ checking threads? on this machine/;
    expect(about('window/logMessage')).toEqual([{ type: 2, message: expect.stringMatching(warning) }]);
    expect(about('window/showMessage')).toEqual([{ type: 2, message: expect.stringMatching(warning) }]);
    expect(await server.waitForDiagnostics(uriOf(join(root, 'a.md')), (list) => list.length > 0)).not.toEqual([]);
    // Settings read again (a reindex) do not announce it again.
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { clausewise: { debounce: 0, rules: { 'review-overdue': 'off' } } } });
    await server.indexingEnded();
    expect(about('window/showMessage')).toHaveLength(1);
  });

  it('says nothing of CLAUSEWISE_THREADS when it is a whole number from 1 to 16', async () => {
    server = startServer(['--stdio'], { CLAUSEWISE_THREADS: '2' });
    await server.initialize(tempWorkspace({ 'a.md': overdue }));
    expect(server.received.filter((each) => JSON.stringify(each.params ?? '').includes('CLAUSEWISE_THREADS'))).toEqual([]);
  });

  it('clausewise.catalog may name a built-in catalog for documents that no .clausewise.yaml governs', async () => {
    const root = tempWorkspace({ 'a.md': policyText('POL-1').replace('clauses: []', 'clauses: [5.23, 9.4.2]') });
    server = startServer();
    await server.initialize(root, { initializationOptions: { clausewise: { debounce: 0, catalog: 'iso27002-2022' } } });
    const diagnostics = await server.waitForDiagnostics(uriOf(join(root, 'a.md')), (list) => list.length > 0);
    expect(diagnostics.filter((diagnostic) => diagnostic.code === 'unknown-clause').map((diagnostic) => diagnostic.message)).toEqual([
      expect.stringMatching(/^clauses names "9\.4\.2", an ISO\/IEC 27002:2013 id; in ISO\/IEC 27002:2022 it is 8\.5 Secure authentication \(clausewise migrate --to iso27002-2022 rewrites a whole set\)$/),
    ]);
  });

  it('a .clausewise.yaml wins over the editor settings, so the editor and the CLI agree', async () => {
    const root = tempWorkspace({ '.clausewise.yaml': 'rules:\n  broken-reference: error\n', 'a.md': overdue });
    server = startServer();
    await server.initialize(root, { initializationOptions: { clausewise: { debounce: 0, rules: { 'review-overdue': 'off', 'broken-reference': 'off' } } } });
    const diagnostics = await server.waitForDiagnostics(uriOf(join(root, 'a.md')), (list) => list.length > 0);
    const cli = JSON.parse(runCli(['check', root, '--format', 'json']).stdout);
    expect(diagnostics.map((diagnostic) => diagnostic.code).sort()).toEqual(cli.files[0].findings.map((finding: { ruleId: string }) => finding.ruleId).sort());
  });

  it('refuses a config whose catalog lies outside the workspace, naming the file and line', async () => {
    const outside = tempWorkspace({});
    cpSync(join(fixturesDir, 'catalogs', 'small.yaml'), join(outside, 'catalog.yaml'));
    const root = tempWorkspace({ 'a.md': overdue });
    mkdirSync(join(root, 'policies'));
    writeFileSync(join(root, '.clausewise.yaml'), `# our controls\ncatalog: ${join(outside, 'catalog.yaml')}\n`);
    server = startServer();
    const message = server.waitFor<{ message: string }>('window/showMessage');
    await server.initialize(root);
    expect((await message).message).toMatch(/outside the workspace/);
    const configDiagnostics = await server.waitForDiagnostics(uriOf(join(root, '.clausewise.yaml')), (list) => list.length > 0);
    expect(configDiagnostics[0]).toMatchObject({ code: 'config-invalid', range: { start: { line: 1 } } });
    expect(configDiagnostics[0]!.message).toMatch(/catalog ".*catalog\.yaml" is outside the workspace/);
    // The CLI refuses it too (a cloned repository must not point it at any file), unless the user names the catalog.
    const refused = runCli(['coverage', root, '--format', 'json']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/catalog ".*catalog\.yaml" is outside the repository that holds the config .*pass --catalog FILE/);
    const cli = runCli(['coverage', root, '--format', 'json', '--catalog', join(outside, 'catalog.yaml')]);
    expect(cli.code).toBe(0);
    const coverage = JSON.parse(cli.stdout) as { catalog: { id: string }; controls: { id: string; title: string }[]; totals: { total: number } };
    expect(coverage.catalog.id).toBe('acme-controls');
    expect(coverage.totals.total).toBe(1);
    expect(coverage.controls.map((control) => [control.id, control.title])).toEqual([['1.1.1', 'Named accounts']]);
  });
});
