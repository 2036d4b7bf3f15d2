/** `clausewise coverage` and `clausewise trace` as real subprocesses: every format as a snapshot, and the gates. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run';
import { policyText, tempWorkspace } from '../helpers/tempWorkspace';

const today = ['--today', '2026-12-01'];

describe('clausewise coverage', () => {
  it.each(['table', 'markdown', 'csv', 'json', 'html'])('samples/with-problems as %s matches its snapshot', async (format) => {
    const result = runCli(['coverage', 'samples/with-problems', '--format', format, ...today]);
    expect(result.code, result.stderr).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(`__snapshots__/coverage-${format}.${format === 'table' ? 'txt' : format === 'markdown' ? 'md' : format}`);
  });

  it('reports 100 % for the samples, and its JSON totals match the table', () => {
    const json = JSON.parse(runCli(['coverage', 'samples', '--format', 'json', ...today]).stdout);
    expect(json.totals).toEqual({ covered: 113, partial: 0, excluded: 1, gap: 0, total: 114, applicable: 113, coveredPercent: 100 });
    expect(json.controls.find((control: { id: string }) => control.id === '14.2.7')).toMatchObject({ state: 'excluded', exclusions: [{ path: 'samples/secure-development-policy.md', valid: true }] });
    expect(json.categories).toHaveLength(14);
    expect(json.documents).toHaveLength(20);
    expect(runCli(['coverage', 'samples', ...today]).stdout).toContain('113 covered, 0 partial, 1 excluded, 0 gap of 114 controls: 100.0 % of the applicable controls covered');
  });

  it('--min fails below the threshold and passes at it', () => {
    expect(runCli(['coverage', 'samples', '--min', '100', ...today]).code).toBe(0);
    const low = runCli(['coverage', 'samples/with-problems', '--min', '50', ...today]);
    expect(low.code).toBe(1);
    expect(low.stderr).toMatch(/0\.0 % of the applicable controls are covered, below --min 50 %/);
  });

  it('--fail-on gates on gaps, partial controls and expired exclusions', () => {
    expect(runCli(['coverage', 'samples', '--fail-on', 'gap,partial,expired-exclusion', ...today]).code).toBe(0);
    const gaps = runCli(['coverage', 'samples/with-problems', '--fail-on', 'partial', ...today]);
    expect(gaps.code).toBe(1);
    expect(gaps.stderr).toMatch(/2 controls in state partial: 8\.2\.3, 12\.3\.1/);
    const root = tempWorkspace({
      'a.md': policyText('SOA-1', 'excludes:\n  - clause: 11.1.6\n    justification: The clinic has no loading area at all.\n    until: 2026-01-31\n'),
    });
    const expired = runCli(['coverage', '.', '--fail-on', 'expired-exclusion', ...today], { cwd: root });
    expect(expired.code).toBe(1);
    expect(expired.stderr).toMatch(/1 controls with an expired exclusion: 11\.1\.6/);
    expect(runCli(['coverage', 'samples', '--fail-on', 'everything'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--fail-on does not know "everything"') });
  });

  it('usage errors exit 2', () => {
    expect(runCli(['coverage', 'samples', '--format', 'pdf']).code).toBe(2);
    expect(runCli(['coverage', 'samples', '--min', '120']).stderr).toContain('--min takes a percentage from 0 to 100');
    expect(runCli(['coverage', 'test/corpus/datica/01-introduction.md']).stderr).toContain('no policy documents found');
  });
});

describe('clausewise trace', () => {
  it('traces a control to the documents that claim and cite it', () => {
    const { code, stdout } = runCli(['trace', '12.3.1', 'samples', ...today]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      '12.3.1  Information backup  [essential]\nISO 27799:2016 › 12 Operations security › 12.3 Backup\nstate: covered\n\n  claimed by PRC-BK-001  samples/backup-procedure.md\n      approved, review due 2027-06-30\n  cited in PRC-BK-001  samples/backup-procedure.md\n',
    );
  });

  it('explains why a control is only partial', () => {
    const { stdout } = runCli(['trace', '12.3.1', 'samples/with-problems', ...today]);
    expect(stdout).toContain('state: partial');
    expect(stdout).toContain('missing: restore-testing');
    expect(stdout).toContain('why partial: STD-BK-002 misses restore-testing');
  });

  it('traces a document by id or path to its controls and their states', () => {
    const byId = runCli(['trace', 'POL-SD-001', 'samples', ...today]);
    expect(byId.stdout).toMatch(/excludes 14\.2\.7 +excluded +Outsourced development/);
    expect(byId.stdout).toMatch(/claims {3}14\.1\.1 +covered/);
    expect(runCli(['trace', 'samples/secure-development-policy.md', 'samples', ...today]).stdout).toBe(byId.stdout);
  });

  it('exits 2 for something that is neither a control nor a document', () => {
    expect(runCli(['trace', 'POL-NOPE', 'samples'])).toMatchObject({ code: 2, stderr: expect.stringContaining('"POL-NOPE" is neither a control nor a policy document here') });
  });
});
