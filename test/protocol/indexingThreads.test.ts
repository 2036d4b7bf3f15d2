import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths';
import { checkFiles } from '../../server/src/engine/batch';
import { positionAt } from '../../server/src/document/lines';
import { policyText, tempWorkspace } from '../helpers/tempWorkspace';
import { startServer, uriOf, type TestServer } from './helpers/languageClient';

let server: TestServer | undefined;
afterAll(() => server?.stop());

describe('indexing a large workspace on checking threads', () => {
  it('reports exactly the CLI findings for every document, as when indexing on one thread', async () => {
    // 180 documents: enough for the server to share the work with a checking thread.
    const files: Record<string, string> = {};
    for (let i = 0; i < 180; i++) {
      const id = `POL-${String(i).padStart(3, '0')}`;
      files[`p${i}.md`] = policyText(id, `related: [POL-${String((i + 1) % 200).padStart(3, '0')}]\n`, `# P${i}\n\nSee ISO 27799 12.4.${(i % 4) + 1}.\n`);
    }
    const root = tempWorkspace(files);
    // The premise: the server shares 150 documents or more when it has a second core and its built worker.
    expect(availableParallelism()).toBeGreaterThan(1);
    expect(existsSync(join(repoRoot, 'dist', 'worker.js'))).toBe(true);
    server = startServer();
    await server.initialize(root, { initializationOptions: { clausewise: { debounce: 0 } } });
    // The reference: the same engine with every thread off, everything parsed and checked right here.
    const reference = await checkFiles(Object.keys(files).map((name) => join(root, name)), { cwd: root, oneThread: true });
    expect(reference.results).toHaveLength(180);
    for (const file of reference.results) {
      const uri = uriOf(file.path);
      const expected = file.findings.map((finding) => `${positionAt(file.document.lineStarts, finding.range.start).line} ${finding.ruleId}`).sort();
      const diagnostics = await server.waitForDiagnostics(uri, (list) => list.length === expected.length);
      expect(diagnostics.map((diagnostic) => `${diagnostic.range.start.line} ${diagnostic.code}`).sort()).toEqual(expected);
    }
    // The threads did the work: indexing reported its progress from the pool of checking threads.
    const reports = server.received.filter((message) => message.method === '$/progress').map((message) => (message.params as { value: { message?: string } }).value.message ?? '');
    expect(reports).toContainEqual(expect.stringMatching(/^180\/180 documents on \d+ checking threads?$/));
  });
});
