import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { policyText, tempWorkspace } from '../helpers/tempWorkspace';
import { fullCapabilities, startServer, uriOf, type TestServer } from './helpers/languageClient';

let server: TestServer | undefined;
let typing: NodeJS.Timeout | undefined;
afterEach(async () => {
  clearInterval(typing);
  await server?.stop();
  server = undefined;
});

/** Documents whose diagnostics go out after indexing, in slices of 50 (LiveWorkspace.publishInSlices). */
const CLOSED = 120;

describe('the workspace\'s diagnostics after indexing', () => {
  it('go out in the client\'s pauses: none (or one slice, if the machine stalls the client) while the user types, all once they stop', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i <= CLOSED; i++) files[`p${String(i).padStart(3, '0')}.md`] = policyText(`POL-${i}`, 'clauses: [12.3.1]\n').replace('clauses: []\n', '');
    const root = tempWorkspace(files);
    const open = uriOf(join(root, 'p000.md'));
    const closed = Object.keys(files).slice(1).map((name) => uriOf(join(root, name)));
    const publishedClosed = () => closed.filter((uri) => current!.diagnostics.has(uri)).length;
    const current = (server = startServer());
    const folder = uriOf(root);
    await current.connection.sendRequest('initialize', {
      processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'workspace' }], capabilities: fullCapabilities,
      initializationOptions: { clausewise: { debounce: 0 } },
    });
    // The user types in one document from before indexing ends, each line citing a clause no catalog has (a new finding).
    const text = files['p000.md']!;
    await current.open(open, text);
    const end = text.split('\n').length - 1;
    let version = 1;
    typing = setInterval(() => {
      const at = { line: end + version - 1, character: 0 };
      void current.edit(open, ++version, { start: at, end: at }, `See ISO 27799 §${version}.1.1.\n`);
    }, 20);
    const indexed = current.indexingEnded();
    await current.connection.sendNotification('initialized', {});
    await indexed;
    // Several of the typed edits checked and published after the end of indexing.
    for (let i = 0; i < 5; i++) await current.waitFor('textDocument/publishDiagnostics', (params: { uri: string }) => params.uri === open);
    expect(publishedClosed()).toBeLessThanOrEqual(50);
    clearInterval(typing);
    for (const uri of closed) expect((await current.waitForDiagnostics(uri, (list) => list.length > 0)).map((d) => d.code)).toContain('missing-element');
    expect(publishedClosed()).toBe(CLOSED);
  });
});
