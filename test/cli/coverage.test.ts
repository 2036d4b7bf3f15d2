/** `clausewise coverage` and `clausewise trace` as real subprocesses: every format as a snapshot, and the gates. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../helpers/paths';
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
    const none = runCli(['coverage', 'test/corpus/datica/01-introduction.md']).stderr;
    expect(none).toContain('no policy documents found in test/corpus/datica/01-introduction.md (1 Markdown file, none with Clausewise frontmatter');
    expect(none).toContain('  to draft frontmatter for them, run: clausewise adopt test/corpus/datica/01-introduction.md');
    expect(runCli(['coverage', 'samples', '--today', '2026-02-31'])).toMatchObject({ code: 2, stderr: expect.stringContaining('2026-02-31 is not a day of the calendar') });
  });

  it('names the policy set of a failed gate when there are several', () => {
    const root = tempWorkspace({
      'a/.clausewise.yaml': 'rules: {}\n',
      'a/a.md': policyText('POL-A'),
      'b/.clausewise.yaml': 'rules: {}\n',
      'b/b.md': policyText('POL-B'),
    });
    const { code, stderr } = runCli(['coverage', 'a', 'b', '--min', '50', '--fail-on', 'gap', ...today], { cwd: root });
    expect(code).toBe(1);
    expect(stderr).toContain('below --min 50 % (policy set of a/.clausewise.yaml)\n');
    expect(stderr).toMatch(/controls in state gap \(policy set of b\/\.clausewise\.yaml\): /);
  });

  it('gives the frameworks of a custom catalog their own columns in the HTML report', () => {
    const catalog = readFileSync(join(fixturesDir, 'catalogs', 'small.yaml'), 'utf8').replace(/iso27002_2022/g, 'nist_csf').replace('title: ISO/IEC 27002:2022', 'title: NIST CSF 2.0');
    const root = tempWorkspace({ 'catalog.yaml': catalog, '.clausewise.yaml': 'catalog: catalog.yaml\n', 'a.md': policyText('POL-A').replace('clauses: []', 'clauses: [1.1.1]') });
    const html = runCli(['coverage', '.', '--format', 'html', ...today], { cwd: root }).stdout;
    expect(html).toContain('<th>Justification / notes</th><th>NIST CSF 2.0</th></tr>');
    expect(html).toContain('<span title="Access control">5.15</span>');
    expect(html).not.toContain('HIPAA');
  });
});

describe('clausewise trace', () => {
  it('traces a control to the documents that claim and cite it', () => {
    const { code, stdout } = runCli(['trace', '12.3.1', 'samples', ...today]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        '12.3.1  Information backup  [essential]',
        'ISO 27799:2016 › 12 Operations security › 12.3 Backup',
        'state: covered',
        '',
        '  claimed by PRC-BK-001  samples/backup-procedure.md',
        '      approved, review due 2027-06-30',
        '      ✓ Backup scope                   heading "Backup scope", line 44',
        '      ✓ Backup schedule                heading "Backup schedule", line 73',
        '      ✓ Backup storage and protection  heading "Backup storage and protection", line 104',
        '      ✓ Backup retention               heading "Backup retention", line 129',
        '      ✓ Restore testing                heading "Restore testing", line 168',
        '  cited in PRC-BK-001  samples/backup-procedure.md',
        '',
      ].join('\n'),
    );
  });

  it('explains why a control is only partial', () => {
    const { stdout } = runCli(['trace', '12.3.1', 'samples/with-problems', ...today]);
    expect(stdout).toContain('state: partial');
    expect(stdout).toMatch(/✗ Restore testing +missing\n/);
    expect(stdout).toContain('why partial: STD-BK-002 misses restore-testing');
  });

  it('traces a document by id or path to its controls and their states', () => {
    const byId = runCli(['trace', 'POL-SD-001', 'samples', ...today]);
    expect(byId.stdout).toMatch(/excludes 14\.2\.7 +excluded +Outsourced development/);
    expect(byId.stdout).toMatch(/claims {3}14\.1\.1 +covered/);
    expect(runCli(['trace', 'samples/secure-development-policy.md', 'samples', ...today]).stdout).toBe(byId.stdout);
  });

  it('shows where each element of a document was found: under a heading, or in a line of prose with the words that matched', () => {
    const body = '# Access\n\n## Access reviews\n\nEach system owner checks the list of people with access.\n\n## Other duties\n\n' + 'Unrelated words fill this section. '.repeat(30) + '\n\n3. All user accounts are recertified every 90 days.\n';
    const root = tempWorkspace({ 'a.md': policyText('POL-AR', '', body).replace('clauses: []', 'clauses: [9.2.5]') });
    const trace = runCli(['trace', 'POL-AR', '.', ...today], { cwd: root });
    expect(trace.code, trace.stderr).toBe(0);
    expect(trace.stdout).toMatch(/claims {3}9\.2\.5 +partial +Review of user access rights\n/);
    expect(trace.stdout).toMatch(/✓ Access review process +heading "Access reviews", line 12\n/);
    expect(trace.stdout).toMatch(/✓ Access review frequency +prose, line 20: '[^'\n]*every 90 days[^'\n]*'\n/);
    const json = JSON.parse(runCli(['coverage', '.', '--format', 'json', ...today], { cwd: root }).stdout);
    const elements = json.controls.find((control: { id: string }) => control.id === '9.2.5').claims[0].elements;
    expect(elements).toEqual(
      expect.arrayContaining([
        { id: 'access-review-process', state: 'heading', line: 12, heading: 'Access reviews' },
        { id: 'access-review-frequency', state: 'prose', line: 20, words: expect.arrayContaining(['every 90 days']) },
      ]),
    );
    expect(elements.map((element: { id: string }) => element.id)).toEqual(['access-review-frequency', 'access-reviewers', 'access-review-process', 'access-review-records']);
  });

  it('exits 2 for something that is neither a control nor a document', () => {
    expect(runCli(['trace', 'POL-NOPE', 'samples'])).toMatchObject({ code: 2, stderr: expect.stringContaining('"POL-NOPE" is neither a control nor a policy document here') });
  });
});
