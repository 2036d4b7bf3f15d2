import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalysisJob } from '../../../server/src/engine/analysisJob';
import { AnalysisThread } from '../../../server/src/engine/analysisThread';
import { FindingPacker, FindingUnpacker } from '../../../server/src/engine/packedFindings';
import type { PolicySet } from '../../../server/src/engine/policySet';
import { runJob } from '../../../server/src/engine/runJob';
import type { Finding } from '../../../server/src/findings/types';

// npm test builds dist/ first; the thread runs the bundled worker, as the CLI and the server do.
const worker = resolve(__dirname, '../../../dist/worker.js');
const fixtures = resolve(__dirname, '../../fixtures/rules');

/** Every rule fixture, with its folder's config, as a job (but the pathological documents, slow to parse and with findings of one plain kind). */
function fixtureJobs(): AnalysisJob[] {
  return readdirSync(fixtures).filter((rule) => rule !== 'document-too-complex').flatMap((rule) => {
    const dir = join(fixtures, rule);
    const names = readdirSync(dir);
    const configFile = names.includes('.clausewise.yaml') ? join(dir, '.clausewise.yaml') : undefined;
    return names
      .filter((name) => name.endsWith('.md') && !name.endsWith('.fixed.md'))
      .map((name) => ({ path: join(dir, name), text: readFileSync(join(dir, name), 'utf8'), configFile, cwd: dir, today: '2026-06-01', parseSeconds: 30 }));
  });
}

const finding = (fields: Partial<Finding>): Finding => ({ ruleId: 'missing-element', severity: 'error', message: 'm', path: '/a.md', range: { start: 1, end: 2 }, fixes: [], ...fields });

describe('findings sent from a checking thread', () => {
  it('arrive as the rules made them: messages, places, related notes and every kind of fix', async () => {
    const jobs = fixtureJobs();
    const sets = new Map<string, PolicySet>();
    const here = jobs.map((job) => runJob(job, sets).analyzed.findings);
    // The fixtures cover what a rule's fix can carry: a selection, stubs (claimed controls come from the editor's actions alone: see below).
    const fixes = here.flat().flatMap((each) => each.fixes);
    expect(fixes.some((fix) => fix.select) && fixes.some((fix) => fix.stubs)).toBe(true);
    expect(here.flat().some((each) => each.related?.length) && here.flat().some((each) => each.elements)).toBe(true);
    const thread = new AnalysisThread(worker);
    try {
      // Two requests: the second sends only the strings the first did not.
      const half = Math.ceil(jobs.length / 2);
      const sent = [...(await thread.run(jobs.slice(0, half))), ...(await thread.run(jobs.slice(half)))];
      expect(sent.map((result) => result.analyzed.findings)).toStrictEqual(here);
    } finally {
      await thread.close();
    }
    // Every fixture's config and catalog loaded twice, here and on the thread: slow on a busy machine; a bound, not a measurement.
  }, 120_000);

  it('read the same after the sender starts its table afresh', () => {
    const packer = new FindingPacker();
    const unpacker = new FindingUnpacker();
    const first = [[finding({ message: 'first', clause: '9.4.2', related: [{ message: 'note', range: { start: 1, end: 2 } }] })], []];
    expect(unpacker.unpack(packer.pack(first))).toStrictEqual(first);
    packer.restart();
    const second = [[finding({ message: 'second', element: 'e', fixes: [{ title: 'Insert', automatic: false, claims: ['9.4.2'], edits: [{ range: { start: 0, end: 0 }, newText: 'first' }] }] })]];
    expect(unpacker.unpack(packer.pack(second))).toStrictEqual(second);
  });

  it('share one object for equal places within a document, as the pool of shared strings does', () => {
    const sent = new FindingUnpacker().unpack(new FindingPacker().pack([[finding({ related: [{ message: 'note', range: { start: 1, end: 2 } }] })]]))[0]![0]!;
    expect(sent.related![0]!.range).toBe(sent.range);
  });
});
