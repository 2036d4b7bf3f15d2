import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFixes, automaticFixes } from '../../server/src/findings/applyFixes';
import { checkFolder } from '../helpers/workspace';
import { copySamples, positionOf, startServer, uriOf, type TestServer } from './helpers/languageClient';

let server: TestServer;
let root: string;

beforeAll(async () => {
  root = copySamples('with-problems');
  server = startServer();
  await server.initialize(root);
});
afterAll(() => server.stop());

async function open(name: string): Promise<{ uri: string; text: string; diagnostics: Diagnostic[] }> {
  const path = join(root, name);
  const text = readFileSync(path, 'utf8');
  const uri = uriOf(path);
  await server.open(uri, text);
  return { uri, text, diagnostics: await server.waitForDiagnostics(uri, (list) => list.length > 0) };
}

function actions(uri: string, range: Diagnostic['range'], diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  return server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
}

function applied(text: string, uri: string, action: CodeAction): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), action.edit!.changes![uri] as TextEdit[]);
}

describe('code actions', () => {
  it('offer each finding’s fixes as quick fixes on its diagnostic, preferred when automatic', async () => {
    const { uri, text, diagnostics } = await open('teleworking-standard.md');
    const typo = diagnostics.find((d) => d.code === 'unknown-clause')!;
    const [first] = await actions(uri, typo.range, [typo]);
    expect(first).toMatchObject({ title: 'Change to 6.2.2 Teleworking', kind: 'quickfix', isPreferred: true });
    expect(first!.diagnostics![0]).toMatchObject({ code: 'unknown-clause', message: typo.message });
    expect(applied(text, uri, first!)).toContain('clauses: [6.2.2]');
  });

  it('insert all missing sections for the claimed control under the cursor', async () => {
    const { uri, text } = await open('backup-standard.md');
    const at = positionOf(text, '12.3.1', 2);
    const insertAll = (await actions(uri, { start: at, end: at }, [])).find((action) => action.title === 'Insert all missing sections for 12.3.1');
    expect(insertAll).toBeDefined();
    expect(applied(text, uri, insertAll!)).toMatch(/## Restore testing\n\nTODO: Say how often restores are tested/);
  });

  it('fix all Clausewise problems (source.fixAll.clausewise) applies every automatic fix, as applyFixes does', async () => {
    const { uri, text } = await open('teleworking-standard.md');
    const whole = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
    const fixAll = await actions(uri, whole, [], ['source.fixAll']);
    expect(fixAll.map((action) => action.kind)).toEqual(['source.fixAll.clausewise']);
    const expected = checkFolder(root).find((file) => file.path.endsWith('teleworking-standard.md'))!;
    expect(applied(text, uri, fixAll[0]!)).toBe(applyFixes(text, automaticFixes(expected.findings)).text);
    // Asking only for quick fixes leaves the source action out.
    expect((await actions(uri, whole, [], ['quickfix'])).some((action) => action.kind === 'source.fixAll.clausewise')).toBe(false);
  });
});
