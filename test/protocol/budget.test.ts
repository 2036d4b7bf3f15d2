import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ResponseError } from 'vscode-languageserver/node';
import { pathological, pathologicalPolicy } from '../helpers/pathological';
import { policyText, tempWorkspace } from '../helpers/tempWorkspace';
import { copySamples, positionOf, startServer, uriOf, type TestServer } from './helpers/languageClient';

let server: TestServer | undefined;
afterEach(() => {
  // A server stuck in a parse would not answer shutdown: end the process outright.
  server?.process.kill('SIGKILL');
  server = undefined;
});

const hoverAt = (uri: string, position: { line: number; character: number }) =>
  server!.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position });

/** Answers a hover on `uri` and says how long it took, failing after 5 s so that a blocked server fails the test instead of stalling it. */
async function timedHover(uri: string, position: { line: number; character: number }): Promise<{ ms: number; value?: string }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const result = await Promise.race([
    hoverAt(uri, position),
    new Promise<'blocked'>((resolve) => (timer = setTimeout(() => resolve('blocked'), 5000))),
  ]);
  clearTimeout(timer);
  if (result === 'blocked') return { ms: Infinity };
  return { ms: performance.now() - started, value: result?.contents.value };
}

async function errorOf(request: Promise<unknown>): Promise<ResponseError<unknown>> {
  const error = await request.then(() => undefined, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(ResponseError);
  return error as ResponseError<unknown>;
}

describe('parsing on a budget (the server)', () => {
  for (const [name, body] of Object.entries({ ...pathological, 'a 1,000-level list past the pre-scan (time budget)': pathological['a 1,000-level list']! })) {
    it(`answers a hover on another document without waiting for a parse while ${name} is open and being edited`, async () => {
      const timeBudget = name.includes('time budget');
      const root = tempWorkspace({
        ...(timeBudget ? { '.clausewise.yaml': 'limits:\n  nesting-depth: 100000\n  parse-seconds: 2\n' } : {}),
        'other.md': policyText('POL-OTHER').replace('clauses: []', 'clauses: [9.4.2]'),
      });
      server = startServer();
      // No debounce: each edit is analysed at once, so the hostile parses overlap the hovers.
      await server.initialize(root, { initializationOptions: { clausewise: { debounce: 0 } } });
      const other = uriOf(join(root, 'other.md'));
      const otherText = policyText('POL-OTHER').replace('clauses: []', 'clauses: [9.4.2]');
      await server.open(other, otherText);
      const onClause = positionOf(otherText, '9.4.2');
      expect((await timedHover(other, onClause)).value).toContain('9.4.2');

      const hostile = uriOf(join(root, 'hostile.md'));
      const text = pathologicalPolicy(body);
      await server.open(hostile, text);
      // Receiving the open document's text is the protocol's cost, not the parse's: measure from its first check on.
      await server.waitForDiagnostics(hostile, () => true);
      const latencies: number[] = [];
      // Keep editing the hostile document (a character typed at its end each round) while hovering elsewhere.
      const lines = text.split('\n');
      for (let round = 0; round < 20; round++) {
        await server.edit(hostile, round + 2, { start: { line: lines.length - 1, character: 0 }, end: { line: lines.length - 1, character: 0 } }, 'y');
        const { ms, value } = await timedHover(other, onClause);
        expect(value).toContain('9.4.2');
        latencies.push(ms);
      }
      // A parse held on the main thread would hold each hover for the parse (2 s under the time budget).
      // The bound is far below that and far above a hover on a loaded machine: this asserts that the hover
      // never waits for a parse; how fast it is, is measured by npm run bench:lsp (hover p95 ≤ 10 ms).
      expect(Math.max(...latencies), `hover latencies: ${latencies.map((ms) => ms.toFixed(1)).join(', ')}`).toBeLessThan(500);
      const diagnostics = await server.waitForDiagnostics(hostile, (list) => list.some((d) => d.code === 'document-too-complex'));
      expect(diagnostics.find((d) => d.code === 'document-too-complex')!.message).toMatch(timeBudget ? /limits\.parse-seconds/ : /limits\./);
    }, 60_000);
  }
});

describe('the protocol lifecycle', () => {
  it('answers a second initialize with InvalidRequest and keeps its workspace', async () => {
    const root = copySamples('with-problems');
    server = startServer();
    await server.initialize(root);
    const error = await errorOf(server.request('initialize', { processId: null, rootUri: null, workspaceFolders: null, capabilities: {} }));
    expect(error.code).toBe(-32600);
    expect(error.message).toMatch(/already initialized/);
    // The first workspace is still the one served: coverage answers, the documents are listed, hover answers.
    const coverage = await server.request<{ totals: { total: number } }>('clausewise/coverage', {});
    expect(coverage.totals.total).toBeGreaterThan(100);
    const documents = await server.request<unknown[]>('clausewise/documents', {});
    expect(JSON.stringify(documents)).toContain('backup-standard.md');
    const path = join(root, 'backup-standard.md');
    writeFileSync(path, '---\nid: X\nclauses: [12.3.1]\n---\n# X\n');
    await server.open(uriOf(path), '---\nid: X\nclauses: [12.3.1]\n---\n# X\n');
    expect(await hoverAt(uriOf(path), { line: 2, character: 11 })).toMatchObject({ contents: { value: expect.stringContaining('12.3.1') } });
  });

  it('answers a request sent before initialize with ServerNotInitialized, and then initializes normally', async () => {
    const root = copySamples('with-problems');
    server = startServer();
    const early = await errorOf(server.request('clausewise/coverage', {}));
    expect(early.code).toBe(-32002);
    expect(early.message).toMatch(/send initialize first/);
    expect((await errorOf(hoverAt(uriOf(join(root, 'backup-standard.md')), { line: 0, character: 0 }))).code).toBe(-32002);
    await server.initialize(root);
    expect((await server.request<{ totals: { total: number } }>('clausewise/coverage', {})).totals.total).toBeGreaterThan(100);
  });

  it('answers requests after shutdown with InvalidRequest, and still exits 0 on exit', async () => {
    const root = copySamples('with-problems');
    server = startServer();
    await server.initialize(root);
    await server.request('shutdown', null);
    const uri = uriOf(join(root, 'backup-standard.md'));
    expect((await errorOf(hoverAt(uri, { line: 0, character: 0 }))).code).toBe(-32600);
    expect((await errorOf(server.request('clausewise/coverage', {}))).code).toBe(-32600);
    const exited = new Promise<number | null>((resolve) => server!.process.once('exit', resolve));
    await server.connection.sendNotification('exit');
    expect(await exited).toBe(0);
  });
});
