import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnalysisThread } from '../../../server/src/engine/analysisThread';
import type { AnalysisResult } from '../../../server/src/engine/analysisJob';
import { poolThreadCount, threadSettingProblem, WorkerPool, type AnalysisJob } from '../../../server/src/engine/workerPool';
import { pathological, pathologicalPolicy } from '../../helpers/pathological';
import { tempWorkspace } from '../../helpers/tempWorkspace';

// npm test builds dist/ first; the threads run the bundled worker, as the CLI and the server do.
const worker = resolve(__dirname, '../../../dist/worker.js');

const job = (index: number): AnalysisJob => ({
  path: `/ws/doc-${index}.md`,
  text: `---\nid: DOC-${index}\ntitle: Document ${index}\nclauses: [9.4.2]\n---\n# Document ${index}\n`,
  cwd: '/ws',
  today: '2026-06-01',
  parseSeconds: 5,
});

describe('the checking threads', () => {
  it('number one per core but one, at least one and at most four, unless CLAUSEWISE_THREADS sets a whole number from 1 to 16', () => {
    const perCore = Math.max(1, Math.min(availableParallelism() - 1, 4));
    expect(poolThreadCount(undefined)).toBe(perCore);
    expect(poolThreadCount('1')).toBe(1);
    expect(poolThreadCount('6')).toBe(6);
    for (const bad of ['0', '17', '1.5', 'two', '-1']) {
      expect(threadSettingProblem(bad)).toContain(`CLAUSEWISE_THREADS is "${bad}": set it to a whole number`);
      expect(poolThreadCount(bad)).toBe(perCore);
    }
    expect(threadSettingProblem('3')).toBeUndefined();
    expect(threadSettingProblem(undefined)).toBeUndefined();
  });

  it('analyse every document and hand each its own result, each as soon as its batch comes back', async () => {
    const progress: number[] = [];
    const pool = new WorkerPool((done) => progress.push(done), worker);
    try {
      const analyzed = new Map<number, AnalysisResult>();
      for (let index = 0; index < 33; index++) pool.add(job(index), (result) => analyzed.set(index, result));
      // Results arrive while the run goes on: full batches are answered before the pool is asked to finish.
      await new Promise<void>((resolve) => {
        const poll = setInterval(() => analyzed.size > 0 && (clearInterval(poll), resolve()), 10);
      });
      await pool.finished();
      expect([...analyzed].sort(([a], [b]) => a - b).map(([, result]) => result.analyzed.summary.id?.value)).toEqual(Array.from({ length: 33 }, (_, index) => `DOC-${index}`));
      expect(analyzed.get(0)!.analyzed.findings.map((finding) => finding.ruleId)).toContain('missing-element');
      expect(progress.at(-1)).toBe(33);
    } finally {
      await pool.close();
    }
  });

  it('count "n of N" from the first batch when told N, before every document is handed in', async () => {
    const progress: [number, number][] = [];
    const pool = new WorkerPool((done, total) => progress.push([done, total]), worker, 33);
    try {
      const analyzed = new Set<number>();
      for (let index = 0; index < 25; index++) pool.add(job(index), () => analyzed.add(index));
      await new Promise<void>((resolve) => {
        const poll = setInterval(() => analyzed.size > 0 && (clearInterval(poll), resolve()), 10);
      });
      // 8 documents are still to come: the count is reported already, out of the 33 announced.
      expect(progress.length).toBeGreaterThan(0);
      expect(progress[0]![1]).toBe(33);
      expect([10, 20]).toContain(progress[0]![0]);
      for (let index = 25; index < 33; index++) pool.add(job(index), () => analyzed.add(index));
      await pool.finished();
      expect(progress.at(-1)).toEqual([33, 33]);
      expect(progress.every(([, total]) => total === 33)).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('make a reader that runs ahead wait until the threads have taken most of what it queued', async () => {
    const pool = new WorkerPool(undefined, worker);
    try {
      let answered = 0;
      for (let index = 0; index < 200; index++) pool.add(job(index), () => answered++);
      // 20 batches: the threads hold a few, the rest wait, too many to read further ahead.
      let hasRoom = false;
      const room = pool.room().then(() => (hasRoom = true));
      await new Promise((resolve) => setImmediate(resolve));
      expect(hasRoom).toBe(false);
      await room;
      expect(answered).toBeGreaterThan(0);
      await pool.finished();
      expect(answered).toBe(200);
      // With nothing queued, room is there at once.
      let atOnce = false;
      void pool.room().then(() => (atOnce = true));
      await Promise.resolve();
      expect(atOnce).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('fail with the thread\'s error instead of waiting forever when a thread dies', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'clausewise-pool-'));
    const broken = join(folder, 'broken.js');
    writeFileSync(broken, "require('node:worker_threads').parentPort.on('message', () => { throw new Error('thread broke'); });\n");
    const pool = new WorkerPool(undefined, broken);
    pool.add(job(1), () => undefined);
    await expect(pool.finished()).rejects.toThrow('thread broke');
    await pool.close();
    await pool.close();
  });

  it('stop a parse that runs past its time limit, report it as too complex, and go on with the other jobs', async () => {
    // The pre-scan's nesting limit is raised, so only the time limit stands between the thread and a 1,000-level list.
    const root = tempWorkspace({ '.clausewise.yaml': 'limits:\n  nesting-depth: 100000\n' });
    const configured = (index: number, text: string): AnalysisJob => ({ ...job(index), path: join(root, `doc-${index}.md`), text, cwd: root, configFile: join(root, '.clausewise.yaml'), parseSeconds: 0.3 });
    const thread = new AnalysisThread(worker);
    try {
      const results = await thread.run([configured(1, job(1).text), configured(2, pathologicalPolicy(pathological['a 1,000-level list']!)), configured(3, job(3).text)]);
      expect(results.map((result) => result.analyzed.summary.id?.value)).toEqual(['DOC-1', undefined, 'DOC-3']);
      expect(results[1]!.analyzed.stopped).toBe(true);
      expect(results[1]!.analyzed.findings.map((finding) => [finding.ruleId, finding.message])).toEqual([['document-too-complex', expect.stringMatching(/longer than the 0\.3 s limit.*limits\.parse-seconds/)]]);
      // The thread that replaced the stopped one serves the next request.
      expect((await thread.run([configured(4, job(4).text)]))[0]!.analyzed.summary.id?.value).toBe('DOC-4');
    } finally {
      await thread.close();
    }
  });

  it('report a document whose parse runs out of the thread\'s memory as too complex, and go on with the other jobs', async () => {
    // Only the memory limit, set low here, stands between the thread and a 1,000-level list: the pre-scan's limit is raised, the time limit far away.
    const root = tempWorkspace({ '.clausewise.yaml': 'limits:\n  nesting-depth: 100000\n' });
    const configured = (index: number, text: string): AnalysisJob => ({ ...job(index), path: join(root, `doc-${index}.md`), text, cwd: root, configFile: join(root, '.clausewise.yaml'), parseSeconds: 600 });
    const thread = new AnalysisThread(worker, { resourceLimits: { maxOldGenerationSizeMb: 32 } });
    try {
      const results = await thread.run([configured(1, job(1).text), configured(2, pathologicalPolicy(pathological['a 1,000-level list']!)), configured(3, job(3).text)]);
      expect(results.map((result) => result.analyzed.summary.id?.value)).toEqual(['DOC-1', undefined, 'DOC-3']);
      expect(results[1]!.analyzed.stopped).toBe(true);
      expect(results[1]!.analyzed.findings.map((finding) => [finding.ruleId, finding.message])).toEqual([['document-too-complex', expect.stringMatching(/more than the 32 MB of memory.*split the document/)]]);
      expect(results[2]!.analyzed.findings.map((finding) => finding.ruleId)).toContain('missing-element');
      // The thread that replaced the one that ran out of memory serves the next request.
      expect((await thread.run([configured(4, job(4).text)]))[0]!.analyzed.summary.id?.value).toBe('DOC-4');
    } finally {
      await thread.close();
    }
    // Collecting near the limit is slow on a busy machine: a generous bound, not a measurement.
  }, 120_000);
});
