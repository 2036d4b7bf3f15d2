import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths';
import { runCli } from '../helpers/run';
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
    const cli = JSON.parse(runCli(['check', root, '--format', 'json']).stdout) as { files: { path: string; findings: { ruleId: string; line: number }[] }[] };
    expect(cli.files).toHaveLength(180);
    for (const file of cli.files) {
      const uri = uriOf(join(root, file.path.split('/').pop()!));
      const expected = file.findings.map((finding) => `${finding.line - 1} ${finding.ruleId}`).sort();
      const diagnostics = await server.waitForDiagnostics(uri, (list) => list.length === expected.length);
      expect(diagnostics.map((diagnostic) => `${diagnostic.range.start.line} ${diagnostic.code}`).sort()).toEqual(expected);
    }
    // The threads did the work: the server did not fall back to its own thread.
    const logged = server.received.filter((message) => message.method === 'window/logMessage').map((message) => (message.params as { message: string }).message);
    expect(logged.filter((message) => /checking threads failed/.test(message))).toEqual([]);
  });
});
