/**
 * Real public policy sets (test/corpus: Datica and strongdm/comply, tagged with frontmatter the way
 * an adopting user would) must parse and check without a crash, with findings a reviewer would
 * call sensible. The full list is kept as a snapshot so any change in behaviour shows in review.
 */
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../server/src/engine/batch';
import { discoverFiles } from '../../server/src/cli/files';
import { positionAt } from '../../server/src/document/lines';
import { repoRoot } from '../helpers/paths';

const corpus = join(repoRoot, 'test', 'corpus');
const { files } = discoverFiles([corpus], repoRoot);
const { results } = await checkFiles(files, { cwd: repoRoot, today: '2026-06-01' });
const policies = results.filter((result) => result.summary.isPolicy);

describe('real policy sets', () => {
  it('parse every tagged document and check it without a rule failing', () => {
    expect(policies.length).toBeGreaterThanOrEqual(40);
    for (const result of results) {
      expect(result.findings.filter((finding) => /failed on this document/.test(finding.message)), result.path).toEqual([]);
    }
    for (const policy of policies) expect(policy.document.sections.length, policy.path).toBeGreaterThan(0);
  });

  it('leave untagged files (introductions, glossaries, READMEs) alone', () => {
    const untagged = results.filter((result) => !result.summary.isPolicy);
    expect(untagged.map((result) => relative(corpus, result.path))).toEqual(expect.arrayContaining(['datica/01-introduction.md', 'README.md']));
    expect(untagged.flatMap((result) => result.findings)).toEqual([]);
  });

  it('accept the hand-written frontmatter and report only content gaps, bad links and foreign section references', () => {
    const rules = new Set(results.flatMap((result) => result.findings.map((finding) => finding.ruleId)));
    expect([...rules].sort()).toEqual(expect.arrayContaining(['missing-element']));
    for (const rule of rules) expect(['missing-element', 'empty-element', 'audit-record-fields', 'broken-reference', 'untagged-mention', 'unknown-clause']).toContain(rule);
  });

  it('find the elements real policies do address under their own headings', () => {
    const addressed = policies.reduce((sum, policy) => sum + Object.values(policy.summary.elements).reduce((n, statuses) => n + statuses.filter((status) => status.state === 'heading').length, 0), 0);
    expect(addressed).toBeGreaterThan(20);
  });

  it('match the reviewed snapshot of findings', async () => {
    const lines = results.flatMap((result) =>
      result.findings.map((finding) => `${relative(corpus, result.path)}:${positionAt(result.document.lineStarts, finding.range.start).line + 1} ${finding.ruleId} ${finding.message}`),
    );
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('__snapshots__/corpus-findings.txt');
  });
});
