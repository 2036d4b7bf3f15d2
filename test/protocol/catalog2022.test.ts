/** The language server with ISO/IEC 27002:2022 selected, and the migrate code action on a set still tagged with 2013 ids. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionList, Diagnostic, TextEdit } from 'vscode-languageserver';
import { appliedEdits, copySamples, positionOf, startServer, uriOf, type TestServer } from './helpers/languageClient';

const TEXT = '---\nid: POL-CL-1\ntitle: Cloud\ntype: policy\nowner: CISO\nstatus: draft\nversion: 0.1.0\nclauses: [5.23]\n---\n# Cloud\n\nSee ISO/IEC 27002:2022 5.15.\n';

describe('the language server under ISO/IEC 27002:2022', () => {
  let server: TestServer;
  let uri: string;
  beforeAll(async () => {
    const root = copySamples('with-problems');
    writeFileSync(join(root, '.clausewise.yaml'), 'catalog: iso27002-2022\ninclude: ["*.md"]\nexclude: ["README.md"]\n');
    server = startServer();
    await server.initialize(root);
    uri = uriOf(join(root, 'cloud.md'));
    await server.open(uri, TEXT);
  });
  afterAll(() => server.stop());

  it('hovers a 2022 control with its theme, guidance and the 2013 controls it corresponds to', async () => {
    const hover = await server.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(TEXT, '5.23', 1) });
    expect(hover!.contents.value).toContain('**5.23 Information security for use of cloud services**');
    expect(hover!.contents.value).toContain('5 Organizational controls');
    const logging = '---\nclauses: [8.15]\n---\n';
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: logging }] });
    const mapped = await server.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(logging, '8.15', 1) });
    expect(mapped!.contents.value).toMatch(/12\.4\.1/);
  });

  it('completes 2022 control ids with their titles', async () => {
    const text = '---\nclauses: [5.2]\n---\n';
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
    const list = await server.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, '5.2', 3) });
    const labels = (list?.items ?? []).map((item) => `${item.label} ${item.detail ?? ''}`);
    expect(labels).toContainEqual(expect.stringMatching(/^5\.23 Information security for use of cloud services/));
  });

  it('reports the 2022 reference in the body as a citation to claim', async () => {
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ text: TEXT }] });
    const diagnostics = await server.waitForDiagnostics(uri, (list) => list.some((d) => d.code === 'untagged-mention'));
    expect(diagnostics.filter((d) => d.code === 'untagged-mention').map((d) => d.message)).toEqual([expect.stringMatching(/cites 5\.15 Access control/)]);
  });
});

describe('the migrate code action', () => {
  let server: TestServer;
  let root: string;
  beforeAll(async () => {
    root = copySamples();
    server = startServer();
    await server.initialize(root);
  });
  afterAll(() => server.stop());

  it('rewrites the frontmatter of a 2013-tagged document to 2022 ids and leaves the body as it was', async () => {
    const path = join(root, 'access-control-policy.md');
    const text = readFileSync(path, 'utf8');
    const uri = uriOf(path);
    await server.open(uri, text);
    const at = positionOf(text, 'clauses');
    const actions = await server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] as Diagnostic[], only: ['refactor.rewrite'] } });
    const migrate = actions.find((action) => action.kind === 'refactor.rewrite.clausewise.migrate');
    expect(migrate?.title).toMatch(/^Migrate clauses to ISO\/IEC 27002:2022 \(9\.1\.1 → 5\.15, 9\.1\.2 → 5\.15, 9\.2\.1 → 5\.16/);
    const after = appliedEdits(text, uri, migrate?.edit);
    expect(after).toBe(text.replace('clauses: [9.1.1, 9.1.2, 9.2.1, 9.2.2, 9.2.3, 9.2.4, 9.2.5, 9.2.6]', 'clauses: [5.15, 5.16, 5.18, 8.2, 5.17]'));
    // In the body there is nothing to offer.
    const inBody = positionOf(text, '## ');
    const none = await server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: inBody, end: inBody }, context: { diagnostics: [], only: ['refactor.rewrite'] } });
    expect(none.filter((action) => action.kind === 'refactor.rewrite.clausewise.migrate')).toEqual([]);
  });

  it('clausewise/migrateWorkspace returns the edits for every document and the config, as clausewise migrate --write makes them', async () => {
    const result = await server.request<{ changes: Record<string, TextEdit[]>; documents: number; refused: unknown[]; config: string }>('clausewise/migrateWorkspace', { uri: uriOf(root) });
    expect(result.documents).toBe(20);
    expect(result.refused).toEqual([]);
    expect(result.config).toMatch(/\.clausewise\.yaml will say "catalog: iso27002-2022"/);
    const apply = (name: string) => {
      const path = join(root, name);
      const text = readFileSync(path, 'utf8');
      return appliedEdits(text, uriOf(path), result);
    };
    expect(apply('.clausewise.yaml')).toBe(`${readFileSync(join(root, '.clausewise.yaml'), 'utf8')}catalog: iso27002-2022\n`);
    expect(apply('compliance-privacy-policy.md')).toContain('clauses: [5.31, 5.32, 5.33, 5.34, 5.35, 5.36, 8.8]');
  });
});
