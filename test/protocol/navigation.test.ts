import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSymbol, Location, WorkspaceSymbol } from 'vscode-languageserver';
import { copySamples, positionOf, startServer, uriOf, type TestServer } from './helpers/languageClient';

let server: TestServer;
let root: string;
let text: string;
let uri: string;

beforeAll(async () => {
  root = copySamples();
  server = startServer();
  await server.initialize(root);
  const path = join(root, 'authentication-standard.md');
  text = readFileSync(path, 'utf8');
  uri = uriOf(path);
  await server.open(uri, text);
});
afterAll(() => server.stop());

const name = (location: Location | WorkspaceSymbol['location']) => location.uri.slice(location.uri.lastIndexOf('/') + 1);

describe('navigation', () => {
  it('definition on a document id in related goes to that document’s id line', async () => {
    const [target] = await server.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, 'POL-AC-001', 3) });
    expect(target).toEqual({ uri: uriOf(join(root, 'access-control-policy.md')), range: { start: { line: 1, character: 4 }, end: { line: 1, character: 14 } } });
  });

  it('definition on a clause id goes to its entry in the catalog', async () => {
    const [target] = await server.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, '9.4.2', 1) });
    expect(target!.uri).toMatch(/controls\/iso27799-2016\.yaml$/);
    const line = readFileSync(new URL(target!.uri), 'utf8').split('\n')[target!.range.start.line];
    expect(line).toContain('- id: 9.4.2');
  });

  it('references on a clause id list every document that claims, excludes or cites it', async () => {
    const claimed = await server.request<Location[]>('textDocument/references', { textDocument: { uri }, position: positionOf(text, '9.4.2', 1), context: { includeDeclaration: true } });
    expect(claimed.map(name)).toEqual(['authentication-standard.md', 'authentication-standard.md']);
    expect(claimed.map((location) => location.range.start.line)).toEqual([12, 75]);
    const citing = `${text}\nOutsourced development is out of scope (ISO 27799 14.2.7).\n`;
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: citing }] });
    const excludedAndCited = await server.request<Location[]>('textDocument/references', {
      textDocument: { uri }, position: positionOf(citing, 'ISO 27799 14.2.7', 12), context: { includeDeclaration: true },
    });
    expect(excludedAndCited.map(name)).toEqual(['authentication-standard.md', 'secure-development-policy.md']);
    expect(excludedAndCited[1]!.range.start).toEqual({ line: 14, character: 12 });
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
  });

  it('document symbols give the frontmatter keys as a group and the sections as a tree', async () => {
    const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols[0]!.name).toBe('frontmatter');
    expect(symbols[0]!.children!.map((child) => child.name)).toEqual(['id', 'title', 'type', 'owner', 'status', 'version', 'approved-by', 'effective', 'last-reviewed', 'review-every', 'classification', 'clauses', 'related']);
    expect(symbols[0]!.children![0]!.detail).toBe('STD-AU-001');
    expect(symbols[1]!.name).toBe('Authentication and Password Standard');
    expect(symbols[1]!.children!.length).toBeGreaterThan(2);
    expect(symbols[1]!.children!.some((child) => (child.children ?? []).length > 0)).toBe(true);
  });

  it('workspace symbols find documents by id and title, and controls at the documents claiming them', async () => {
    const byId = await server.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'STD-AU' });
    expect(byId).toEqual([expect.objectContaining({ name: 'STD-AU-001', containerName: 'Authentication and Password Standard' })]);
    const byTitle = await server.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'password standard' });
    expect(byTitle.map((symbol) => symbol.name)).toEqual(['STD-AU-001']);
    const controls = await server.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'secure log-on' });
    expect(controls).toEqual([expect.objectContaining({ name: '9.4.2 Secure log-on procedures', containerName: 'STD-AU-001' })]);
    expect(name(controls[0]!.location)).toBe('authentication-standard.md');
  });
});
