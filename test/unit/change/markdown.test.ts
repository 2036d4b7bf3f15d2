import { describe, expect, it } from 'vitest';
import type { ChangeFinding, ChangeReport } from '../../../server/src/change/types';
import { COMMENT_LIMIT, formatDiffMarkdown } from '../../../server/src/cli/format/diff/markdown';

const totals = { covered: 10, partial: 0, excluded: 0, gap: 0, applicable: 10, coveredPercent: 100 };

function report(findings: number): ChangeReport {
  const finding = (index: number): ChangeFinding => ({ ruleId: 'missing-element', severity: 'error', path: `policies/doc-${index}.md`, line: 7, column: 1, message: `an element is not addressed; ${'say what the policy requires here. '.repeat(3)}` });
  return {
    format: 1,
    base: { ref: 'origin/main', commit: 'a'.repeat(40) },
    head: { ref: 'work tree', commit: null },
    verdict: `${findings} new findings (${findings} errors)`,
    summary: { documentsAdded: 0, documentsRemoved: 0, documentsRenamed: 0, documentsModified: 0, controlsLosingCoverage: 0, controlsGainingCoverage: 0, newFindings: findings, newErrors: findings, resolvedFindings: 0, approvedWithoutNewVersion: 0 },
    documents: [],
    controls: [],
    totals: { before: totals, after: totals },
    findings: { new: Array.from({ length: findings }, (_, index) => finding(index)), resolved: [] },
    notes: [],
  };
}

describe('the markdown change report', () => {
  it('fits GitHub\'s comment limit, keeping the verdict first and saying it was shortened', () => {
    const text = formatDiffMarkdown(report(2000), { linkBase: 'https://github.com/org/repo/blob/abc/' });
    expect(text.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(text.split('\n')[0]).toBe('**Clausewise:** 2000 new findings (2000 errors).');
    expect(text).toContain('This report was shortened to fit a comment');
    expect(text).toMatch(/- …and \d+ more\n/);
  });

  it('is not shortened when it fits', () => {
    const text = formatDiffMarkdown(report(20));
    expect(text).not.toContain('shortened');
    expect(text.match(/^- \*\*error\*\*/gm)).toHaveLength(20);
  });

  it('keeps a finding\'s text from opening HTML or links in the comment', () => {
    const hostile = report(1);
    hostile.findings.new[0]!.message = 'id "<img src=x onerror=alert(1)>" [x](javascript:alert(1))';
    const text = formatDiffMarkdown(hostile);
    expect(text).not.toMatch(/(?<!\\)<img/);
    expect(text).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(text).not.toContain('[x](');
  });
});
