import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeLens, InlayHint } from 'vscode-languageserver';
import { tempWorkspace } from '../helpers/tempWorkspace';
import { copySamples, positionOf, startServer, uriOf, type TestServer } from './helpers/languageClient';

let server: TestServer;
let root: string;

beforeAll(async () => {
  root = copySamples('with-problems');
  server = startServer();
  await server.initialize(root);
});
afterAll(() => server.stop());

async function open(name: string): Promise<{ uri: string; text: string }> {
  const text = readFileSync(join(root, name), 'utf8');
  const uri = uriOf(join(root, name));
  await server.open(uri, text);
  return { uri, text };
}

describe('inlay hints and code lens', () => {
  it('show the control title after an id alone on its line: each id of a block list, an exclusion\'s clause', async () => {
    const { uri, text } = await open('loading-dock-exclusion.md');
    const withClaims = text.replace('clauses: []', 'clauses:\n  - 12.3.1\n  - 9.4.2\n  - 6.22');
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: withClaims }] });
    const hints = await server.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } } });
    // 6.22 is no control: no title.
    expect(hints).toEqual([
      { position: positionOf(withClaims, '12.3.1', 6), label: 'Information backup', paddingLeft: true },
      { position: positionOf(withClaims, '9.4.2', 5), label: 'Secure log-on procedures', paddingLeft: true },
      { position: positionOf(withClaims, '11.1.6', 6), label: 'Delivery and loading areas', paddingLeft: true },
    ]);
    const outside = await server.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 20, character: 0 }, end: { line: 30, character: 0 } } });
    expect(outside).toEqual([]);
  });

  it('show no titles on a line of several ids (VS Code would cut them short), but one for a flow list of one id', async () => {
    const { uri, text } = await open('loading-dock-exclusion.md');
    const flow = text.replace('clauses: []', 'clauses: [9.2.1, 9.2.2, 9.4.2]');
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ text: flow }] });
    const range = { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } };
    const hints = await server.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range });
    expect(hints.map((hint) => hint.label)).toEqual(['Delivery and loading areas']);
    const single = text.replace('clauses: []', 'clauses: [9.2.1]');
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 6 }, contentChanges: [{ text: single }] });
    expect(await server.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range })).toEqual([
      { position: positionOf(single, '9.2.1', 5), label: 'User registration and de-registration', paddingLeft: true },
      { position: positionOf(single, '11.1.6', 6), label: 'Delivery and loading areas', paddingLeft: true },
    ]);
  });

  it('sum up the document on the frontmatter’s first line, without pretending to be a command', async () => {
    const { uri } = await open('backup-standard.md');
    const lenses = await server.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    expect(lenses).toEqual([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, command: { title: 'covers 1 control · 1 element missing', command: '' } }]);
  });

  it('count an exclusions record’s exclusions and the invalid ones, and say when the frontmatter does not parse', async () => {
    const { uri, text } = await open('loading-dock-exclusion.md');
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
    const [record] = await server.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    expect(record!.command!.title).toBe('excludes 1 (1 invalid)');
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ text: text.replace('clauses: []', 'clauses: [12.3.1') }] });
    const [broken] = await server.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    expect(broken!.command!.title).toBe('frontmatter has errors: its claims are not checked until they are fixed');
  });

  it('under ISO/IEC 27002:2022 count an exclusion written with a 2013 id as the exclusion register reads it: valid only when it takes the control it became out of scope', async () => {
    const text = readFileSync(join(root, 'loading-dock-exclusion.md'), 'utf8').replace('justification: N/A', 'justification: The clinic has no delivery or loading area of its own at all.');
    const folder = tempWorkspace({ '.clausewise.yaml': 'catalog: iso27002-2022\ntoday: 2026-12-05\n', 'record.md': text });
    const other = startServer();
    try {
      await other.initialize(folder);
      const uri = uriOf(join(folder, 'record.md'));
      await other.open(uri, text);
      const [lens] = await other.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      // 7.2 has two predecessors, 11.1.2 and 11.1.6: excluding one leaves 7.2 in scope.
      expect(lens!.command!.title).toBe('excludes 1 (1 invalid)');
      const both = text.replace(/( +)- clause: 11\.1\.6\n(.*\n)/, '$1- clause: 11.1.6\n$2$1- clause: 11.1.2\n$2');
      expect(both).toContain('clause: 11.1.2');
      await other.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: both }] });
      const [whole] = await other.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      expect(whole!.command!.title).toBe('excludes 2');
      const invalid = text.replace('11.1.6', '11.1.99');
      await other.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: invalid }] });
      const [unknown] = await other.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      expect(unknown!.command!.title).toBe('excludes 1 (1 invalid)');
    } finally {
      await other.stop();
    }
  });
});

describe('the code lens with a client that runs clausewise.showMissingElements', () => {
  it('lists the missing elements for the client to insert, explain or go to', async () => {
    const other = startServer();
    try {
      await other.initialize(root, { initializationOptions: { clientCommands: ['clausewise.showMissingElements'] } });
      const uri = uriOf(join(root, 'backup-standard.md'));
      await other.open(uri, readFileSync(join(root, 'backup-standard.md'), 'utf8'));
      const [lens] = await other.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      expect(lens!.command).toEqual({
        title: 'covers 1 control · 1 element missing',
        command: 'clausewise.showMissingElements',
        arguments: [uri, [{ clause: '12.3.1', controlTitle: 'Information backup', element: 'restore-testing', title: 'Restore testing', range: { start: { line: 11, character: 10 }, end: { line: 11, character: 16 } } }]],
      });
    } finally {
      await other.stop();
    }
  });
});
