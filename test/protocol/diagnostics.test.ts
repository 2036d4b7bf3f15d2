import { readFileSync } from 'node:fs';
import type { CodeAction } from 'vscode-languageserver';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run';
import { policyText, tempWorkspace } from '../helpers/tempWorkspace';
import { appliedEdits, copySamples, positionOf, rangeOf, startServer, uriOf, type TestServer } from './helpers/languageClient';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

interface CliFinding {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info' };

describe('diagnostics', () => {
  it('equal the CLI findings for samples/with-problems, with code, docs link, source and fixes', async () => {
    const root = copySamples('with-problems');
    const cli = JSON.parse(runCli(['check', root, '--format', 'json'], { cwd: root }).stdout) as { files: { path: string; findings: CliFinding[] }[] };
    const expected = cli.files.filter((file) => file.findings.length > 0);
    expect(expected.length).toBeGreaterThanOrEqual(5);
    server = startServer();
    await server.initialize(root);
    for (const file of expected) {
      const diagnostics = await server.waitForDiagnostics(uriOf(join(root, file.path)), (list) => list.length > 0);
      expect(diagnostics.map((d) => ({
        ruleId: d.code, severity: SEVERITY[d.severity!], message: d.message,
        line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
      }))).toEqual(file.findings.map(({ ruleId, severity, message, line, column, endLine, endColumn }) => ({ ruleId, severity, message, line, column, endLine, endColumn })));
      for (const diagnostic of diagnostics) {
        expect(diagnostic.source).toBe('clausewise');
        expect(diagnostic.codeDescription?.href).toBe(`https://github.com/clausewise/clausewise/blob/main/docs/rules.md#${diagnostic.code}`);
        // Each fix is named (title, automatic) but its edits are not sent: quick fixes come from textDocument/codeAction.
        const { fixes } = diagnostic.data as { fixes: Record<string, unknown>[] };
        for (const fix of fixes) expect(Object.keys(fix).sort()).toEqual(['automatic', 'title']);
      }
    }
    const published = [...server.diagnostics.entries()].filter(([, list]) => list.length > 0).map(([uri]) => uri).sort();
    expect(published).toEqual(expected.map((file) => uriOf(join(root, file.path))).sort());
    const typo = server.diagnostics.get(uriOf(join(root, 'teleworking-standard.md')))!.find((d) => d.code === 'unknown-clause')!;
    expect((typo.data as { fixes: { title: string; automatic: boolean }[] }).fixes[0]).toMatchObject({ automatic: true, title: expect.stringContaining('6.2.2') });
    const gap = server.diagnostics.get(uriOf(join(root, 'backup-standard.md')))!.find((d) => d.code === 'missing-element')!;
    expect((gap.data as { fixes: unknown[] }).fixes.length).toBeGreaterThan(0);
    expect(JSON.stringify(gap.data)).not.toContain('newText');
  });

  it('name fixes whose edits a quick fix on the published diagnostic still applies', async () => {
    const root = copySamples('with-problems');
    server = startServer();
    await server.initialize(root);
    const path = join(root, 'backup-standard.md');
    const uri = uriOf(path);
    const gap = (await server.waitForDiagnostics(uri, (list) => list.some((d) => d.code === 'missing-element'))).find((d) => d.code === 'missing-element');
    const named = (gap!.data as { fixes: { title: string; automatic: boolean }[] }).fixes;
    const actions = await server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: gap!.range, context: { diagnostics: [gap], only: ['quickfix'] } });
    // The fixes the diagnostic names are the quick fixes offered on it, in order, with their edits.
    const fixes = actions.filter((action) => named.some((fix) => fix.title === action.title));
    expect(fixes.map((action) => [action.title, action.isPreferred])).toEqual(named.map((fix) => [fix.title, fix.automatic]));
    const text = readFileSync(path, 'utf8');
    const after = appliedEdits(text, uri, fixes[0]!.edit);
    expect(after.startsWith(text.slice(0, text.indexOf('## Backup scope')))).toBe(true);
    // The preferred fix inserts a section for each element the diagnostic names.
    const elements = (gap!.data as { elements: { title: string }[] }).elements;
    expect(elements.length).toBeGreaterThan(0);
    for (const { title } of elements) expect(after).toMatch(new RegExp(`^#+ ${title}$`, 'm'));
    expect(text).not.toMatch(new RegExp(`^#+ ${elements[0]!.title}$`, 'm'));
  });

  it('follow edits after the debounce, and are published again only when they change', async () => {
    const root = copySamples('with-problems');
    server = startServer();
    await server.initialize(root, { initializationOptions: { clausewise: { debounce: 0 } } });
    const teleworking = join(root, 'teleworking-standard.md');
    const backup = join(root, 'backup-standard.md');
    const text = readFileSync(teleworking, 'utf8');
    await server.open(uriOf(teleworking), text);
    await server.open(uriOf(backup), readFileSync(backup, 'utf8'));
    await server.waitForDiagnostics(uriOf(teleworking), (list) => list.some((d) => d.code === 'unknown-clause'));
    const fixed = server.waitForDiagnostics(uriOf(teleworking), (list) => list.length === 0);
    await server.edit(uriOf(teleworking), 2, rangeOf(text, '6.22'), '6.2.2');
    await fixed;

    // A change that leaves the findings as they are publishes nothing; the next real change still arrives.
    const publishedBefore = server.received.filter((m) => m.method === 'textDocument/publishDiagnostics').length;
    await server.edit(uriOf(teleworking), 3, { start: positionOf(text, '# '), end: positionOf(text, '# ') }, 'Intro words. ');
    const backupChanged = server.waitFor<{ uri: string }>('textDocument/publishDiagnostics', (p) => p.uri === uriOf(backup));
    await server.edit(uriOf(backup), 2, { start: { line: 11, character: 0 }, end: { line: 11, character: 0 } }, '');
    await server.edit(uriOf(backup), 3, rangeOf(readFileSync(backup, 'utf8'), 'clauses: [12.3.1]'), 'clauses: []');
    await backupChanged;
    const published = server.received.filter((m) => m.method === 'textDocument/publishDiagnostics').slice(publishedBefore);
    expect(published.map((m) => (m.params as { uri: string }).uri)).toEqual([uriOf(backup)]);
    expect(server.diagnostics.get(uriOf(backup))).toEqual([]);
  });

  it('after edits of the frontmatter alone, are where the CLI puts them in the new text', async () => {
    const body = '# Policy\n\n<!-- clausewise-disable-next-line untagged-mention -->\nSee §9.2.5.\n\nAlso §9.2.6.\n\n## Session time-out\n\nTODO\n';
    const text = policyText('POL-A', '', body);
    const root = tempWorkspace({ 'a.md': policyText('POL-A') });
    server = startServer();
    await server.initialize(root, { initializationOptions: { clausewise: { debounce: 0 } } });
    const uri = uriOf(join(root, 'a.md'));
    // Each step waits for its own findings, so each version is checked in turn.
    await server.open(uri, text);
    await server.waitForDiagnostics(uri, (list) => list.some((d) => d.code === 'untagged-mention'));
    // A list over more lines: the body moves down, its findings with it; then an edit of the same length.
    const listed = text.replace('clauses: []', 'clauses:\n  - 9.4.2\n  - 12.3.1');
    await server.edit(uri, 2, rangeOf(text, 'clauses: []'), 'clauses:\n  - 9.4.2\n  - 12.3.1');
    await server.waitForDiagnostics(uri, (list) => list.some((d) => d.code === 'empty-element'));
    const final = listed.replace('12.3.1', '12.3.9');
    await server.edit(uri, 3, rangeOf(listed, '12.3.1'), '12.3.9');
    const diagnostics = await server.waitForDiagnostics(uri, (list) => list.some((d) => d.code === 'unknown-clause'));
    const cliRoot = tempWorkspace({ 'a.md': final });
    const cli = JSON.parse(runCli(['check', cliRoot, '--format', 'json'], { cwd: cliRoot }).stdout) as { files: { findings: CliFinding[] }[] };
    const findings = cli.files[0]!.findings;
    expect(findings.map((finding) => finding.ruleId)).toEqual(expect.arrayContaining(['untagged-mention', 'empty-element', 'unknown-clause']));
    expect(diagnostics.map((d) => ({ ruleId: d.code, message: d.message, line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1 }))).toEqual(
      findings.map(({ ruleId, message, line, column, endLine }) => ({ ruleId, message, line, column, endLine })),
    );
  });

  it('re-check the documents that depend on a changed id', async () => {
    const root = copySamples('with-problems');
    server = startServer();
    await server.initialize(root, { initializationOptions: { debounce: 0 } });
    const remote = uriOf(join(root, 'remote-support-procedure.md'));
    const teleworking = join(root, 'teleworking-standard.md');
    const text = readFileSync(teleworking, 'utf8');
    await server.waitForDiagnostics(remote, (list) => list.some((d) => d.code === 'broken-reference'));
    await server.open(uriOf(teleworking), text);
    // remote-support-procedure (closed) lists POL-AC-001 in related: giving another document that id resolves it ...
    const resolved = server.waitForDiagnostics(remote, (list) => list.length === 0);
    await server.edit(uriOf(teleworking), 2, rangeOf(text, 'STD-TW-001'), 'POL-AC-001');
    await resolved;
    // ... and renaming it again breaks the reference again.
    const broken = server.waitForDiagnostics(remote, (list) => list.some((d) => d.code === 'broken-reference' && String(d.message).includes('POL-AC-001')));
    await server.edit(uriOf(teleworking), 3, rangeOf(text.replace('STD-TW-001', 'POL-AC-001'), 'POL-AC-001'), 'POL-AC-002');
    await broken;
  });

  it('re-check the closed documents an edit affects: the exclusion of a control it starts claiming, the document whose id it takes', async () => {
    const exclusion = 'excludes:\n  - clause: 9.4.2\n    justification: The clinic runs no system with its own log-on.\n';
    const root = tempWorkspace({ 'a.md': policyText('POL-A'), 'b.md': policyText('POL-B'), 'c.md': policyText('POL-C', exclusion) });
    server = startServer();
    await server.initialize(root, { initializationOptions: { debounce: 0 } });
    const [a, b, c] = ['a.md', 'b.md', 'c.md'].map((name) => uriOf(join(root, name)));
    const text = readFileSync(join(root, 'a.md'), 'utf8');
    await server.open(a!, text);
    const excluded = server.waitForDiagnostics(c!, (list) => list.some((d) => d.code === 'exclusion-invalid' && String(d.message).includes('claimed by POL-A')));
    await server.edit(a!, 2, rangeOf(text, 'clauses: []'), 'clauses: [9.4.2]');
    await excluded;
    const claimed = text.replace('clauses: []', 'clauses: [9.4.2]');
    const duplicated = server.waitForDiagnostics(b!, (list) => list.some((d) => d.code === 'duplicate-id'));
    // c names the claiming document by id: it follows the new id too.
    const renamed = server.waitForDiagnostics(c!, (list) => list.some((d) => d.code === 'exclusion-invalid' && String(d.message).includes('claimed by POL-B')));
    await server.edit(a!, 3, rangeOf(claimed, 'POL-A'), 'POL-B');
    await duplicated;
    await renamed;
  });

  it('take the debounce from the settings, and a request on a document checks its pending edits first', async () => {
    const root = copySamples('with-problems');
    server = startServer();
    server.settings = { debounce: 0 }; // the answer to workspace/configuration overrides initializationOptions
    await server.initialize(root, { initializationOptions: { clausewise: { debounce: 600_000 } } });
    const path = join(root, 'teleworking-standard.md');
    const text = readFileSync(path, 'utf8');
    await server.open(uriOf(path), text);
    const quick = server.waitForDiagnostics(uriOf(path), (list) => list.length === 0);
    await server.edit(uriOf(path), 2, rangeOf(text, '6.22'), '6.2.2');
    await quick;
    // A ten-minute debounce: the diagnostics come only because the hover needs the document up to date.
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { clausewise: { debounce: 600_000 } } });
    const broken = server.waitForDiagnostics(uriOf(path), (list) => list.some((d) => d.code === 'unknown-clause'));
    await server.edit(uriOf(path), 3, rangeOf(text.replace('6.22', '6.2.2'), '6.2.2'), '6.22');
    const hover = await server.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: uriOf(path) }, position: positionOf(text, '6.22', 1) });
    expect(hover.contents.value).toContain('**6.22** is not a clause of ISO 27799:2016');
    await broken;
  });
});
