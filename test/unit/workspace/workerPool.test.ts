import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkerPool, type AnalysisJob } from '../../../server/src/workspace/workerPool';

// npm test builds dist/ first; the threads run the bundled worker, as the CLI and the server do.
const worker = resolve(__dirname, '../../../dist/worker.js');

const job = (index: number): AnalysisJob => ({
  path: `/ws/doc-${index}.md`,
  text: `---\nid: DOC-${index}\ntitle: Document ${index}\nclauses: [9.4.2]\n---\n# Document ${index}\n`,
  cwd: '/ws',
  today: '2026-06-01',
});

describe('the checking threads', () => {
  it('analyse every document and give the results in the order the documents were added', async () => {
    const progress: number[] = [];
    const pool = new WorkerPool((done) => progress.push(done), worker);
    try {
      for (let index = 0; index < 33; index++) pool.add(job(index));
      const analyzed = await pool.analyzed();
      expect(analyzed.map((entry) => entry.summary.id?.value)).toEqual(Array.from({ length: 33 }, (_, index) => `DOC-${index}`));
      expect(analyzed[0]!.findings.map((finding) => finding.ruleId)).toContain('missing-element');
      expect(progress.at(-1)).toBe(33);
    } finally {
      await pool.close();
    }
  });

  it('fail with the thread\'s error instead of waiting forever when a thread dies', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'clausewise-pool-'));
    const broken = join(folder, 'broken.js');
    writeFileSync(broken, "require('node:worker_threads').parentPort.on('message', () => { throw new Error('thread broke'); });\n");
    const pool = new WorkerPool(undefined, broken);
    pool.add(job(1));
    await expect(pool.analyzed()).rejects.toThrow('thread broke');
    await pool.close();
    await pool.close();
  });
});
