/** The ISO/IEC 27002:2022 catalog chosen by name, as real subprocesses: check, explain and projected coverage. */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths';
import { runCli } from '../helpers/run';
import { policyText, tempWorkspace } from '../helpers/tempWorkspace';

const today = ['--today', '2026-12-01'];

interface Finding { ruleId: string; message: string; line: number }
const findings = (stdout: string): Finding[] => (JSON.parse(stdout) as { files: { findings: Finding[] }[] }).files.flatMap((file) => file.findings);

describe('the ISO/IEC 27002:2022 catalog', () => {
  it('checks a small set tagged with 2022 ids when .clausewise.yaml names it', () => {
    const root = tempWorkspace({
      '.clausewise.yaml': 'catalog: iso27002-2022\n',
      'cloud.md': policyText(
        'POL-CL-1',
        '',
        '# Cloud policy\n\n## Approval of cloud services\n\nThe CISO approves every new cloud service after a due diligence review.\n\n' +
          '## Shared responsibilities with the provider\n\nThe provider patches the platform; we manage identities.\n\n' +
          'See ISO/IEC 27002:2022 5.15 for access rules. ISO 27799 9.4.2 is the old reference.\n',
      ).replace('clauses: []', 'clauses: [5.23, 9.4.2]'),
    });
    const { code, stdout, stderr } = runCli(['check', '.', '--format', 'json', ...today], { cwd: root });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const found = findings(stdout);
    // 9.4.2 is a 2013 id: unknown to the 2022 catalog, which says what it became.
    expect(found.filter((finding) => finding.ruleId === 'unknown-clause').map((finding) => finding.message)).toEqual([
      expect.stringMatching(/^clauses names "9\.4\.2", an ISO\/IEC 27002:2013 id; in ISO\/IEC 27002:2022 it is 8\.5 Secure authentication/),
    ]);
    // The two elements written are found; the two not written are missing.
    const missing = found.filter((finding) => finding.ruleId === 'missing-element').map((finding) => finding.message).join('\n');
    expect(missing).toMatch(/Data location/);
    expect(missing).toMatch(/Leaving a cloud service/);
    expect(missing).not.toMatch(/Approval of cloud services|Shared responsibilities/);
    // The 2022 reference counts as a citation of 5.15; the 27799 one does not under this catalog.
    const untagged = found.filter((finding) => finding.ruleId === 'untagged-mention');
    expect(untagged.map((finding) => finding.message)).toEqual([expect.stringMatching(/cites 5\.15 Access control/)]);
  });

  it('is chosen with --catalog iso27002-2022 by explain, and an unknown name is refused with the built-in names', () => {
    const { code, stdout } = runCli(['explain', '5.23', '--catalog', 'iso27002-2022']);
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 2)).toEqual(['5.23  Information security for use of cloud services  [essential]', 'ISO/IEC 27002:2022 › 5 Organizational controls']);
    expect(stdout).toContain('Data location (cloud-data-location)');
    expect(runCli(['explain', '8.15', '--catalog', 'iso27002-2022']).stdout).toMatch(/ISO\/IEC 27002:2013 \(ISO 27799:2016\)\n {4}12\.4\.1 +Event logging/);
    const wrong = runCli(['explain', '5.23', '--catalog', 'iso27002-2021']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('iso27799-2016 or iso27002-2022');
  });

  it('refuses an unknown catalog name in .clausewise.yaml, naming the built-in ones', () => {
    const root = tempWorkspace({ '.clausewise.yaml': 'catalog: iso27002-2002\n', 'a.md': policyText('A-1') });
    const { code, stderr } = runCli(['check', '.', ...today], { cwd: root });
    expect(code).toBe(2);
    expect(stderr).toMatch(/\.clausewise\.yaml:1:\d+.*catalog file "iso27002-2002" does not exist.*iso27799-2016 or iso27002-2022 \(did you mean "iso27002-2022"\?\)/);
  });

  it('projects the coverage of a set still tagged with 2013 ids: the samples cover all but the 11 new controls', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'clausewise-samples-')), 'samples');
    cpSync(join(repoRoot, 'samples'), copy, { recursive: true });
    const result = runCli(['coverage', copy, '--catalog', 'iso27002-2022', '--format', 'json', ...today]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { controls: { id: string; state: string; claims: { via?: string[] }[] }[]; totals: { total: number } };
    expect(report.totals.total).toBe(93);
    const gaps = report.controls.filter((control) => control.state === 'gap').map((control) => control.id);
    expect(gaps).toEqual(['5.7', '5.23', '5.30', '7.4', '8.9', '8.10', '8.11', '8.12', '8.16', '8.23', '8.28']);
    const accessControl = report.controls.find((control) => control.id === '5.15')!;
    expect(accessControl.state).toBe('covered');
    expect(accessControl.claims.map((claim) => claim.via)).toEqual([['9.1.1', '9.1.2']]);
    const table = runCli(['coverage', copy, '--catalog', 'iso27002-2022', ...today]).stdout;
    expect(table).toMatch(/^Projected: 20 documents name ISO\/IEC 27002:2013 ids/m);
    // The same set under its own catalog is not projected.
    expect(runCli(['coverage', copy, ...today]).stdout).not.toContain('Projected');
  });
  it('coverage --format html lists every exclusion as written with its effect: a 2013 predecessor alone is partial, an unknown id has none', () => {
    const justification = 'The clinic has no delivery or loading area of its own at all.';
    const root = tempWorkspace({
      '.clausewise.yaml': 'catalog: iso27002-2022\n',
      'soa.md': policyText('SOA-1', `excludes:\n  - clause: 11.1.6\n    justification: ${justification}\n  - clause: 6.1.9\n    justification: ${justification}\n  - clause: 7.5\n    justification: ${justification}\n`),
    });
    const { code, stdout, stderr } = runCli(['coverage', '.', '--format', 'html', ...today], { cwd: root });
    expect(code, stderr).toBe(0);
    const rows = /<table id="register">[\s\S]*?<\/table>/.exec(stdout)![0].split('<tr>').slice(2);
    // Not valid before in force; within a standing, in catalog order (unknown ids last).
    expect(rows.map((row) => /^<td>([^<]+)<\/td><td>[^<]*<\/td><td>([^<]+)<\/td>/.exec(row)!.slice(1))).toEqual([
      ['11.1.6', '11.1.6 (2013) — partial: 7.2 stays in scope until 11.1.2 is also excluded'],
      ['6.1.9', 'unknown control, no effect'],
      ['7.5', 'excludes 7.5'],
    ]);
    expect(rows[0]).toContain('◐</span> partial</span>');
    expect(rows[1]).toContain('◐</span> not valid</span> 6.1.9 is not a control of ISO/IEC 27002:2022');
    expect(rows[2]).toContain('✓</span> in force</span>');
    // Each row's link opens the document at its own entry, the unknown id's too (no control page could say where it is).
    const lineOf = (id: string) => readFileSync(join(root, 'soa.md'), 'utf8').split('\n').findIndex((line) => line.includes(`clause: ${id}`));
    expect(rows.map((row) => /<a href="soa\.md" data-control="([^"]+)" data-excluded="true" data-line="(\d+)">/.exec(row)?.slice(1))).toEqual([
      ['11.1.6', String(lineOf('11.1.6'))],
      ['6.1.9', String(lineOf('6.1.9'))],
      ['7.5', String(lineOf('7.5'))],
    ]);
    // Coverage acts on the same verdicts: 7.2 stays a gap, 7.5 is excluded.
    const json = JSON.parse(runCli(['coverage', '.', '--format', 'json', ...today], { cwd: root }).stdout) as { controls: { id: string; state: string }[]; register: { excludes: string; readAs?: string[]; effect: string; valid: boolean; path: string; line: number }[] };
    expect(json.controls.filter((control) => ['7.2', '7.5'].includes(control.id)).map((control) => control.state)).toEqual(['gap', 'excluded']);
    // The JSON report carries the same register, in the same order.
    expect(json.register.map(({ excludes, readAs, effect, valid, path }) => ({ excludes, readAs, effect, valid, path }))).toEqual([
      { excludes: '11.1.6', readAs: ['7.2'], effect: '11.1.6 (2013) — partial: 7.2 stays in scope until 11.1.2 is also excluded', valid: false, path: 'soa.md' },
      { excludes: '6.1.9', readAs: undefined, effect: 'unknown control, no effect', valid: false, path: 'soa.md' },
      { excludes: '7.5', readAs: undefined, effect: 'excludes 7.5', valid: true, path: 'soa.md' },
    ]);
    // with the line of each entry, 1-based as the elements' lines are
    expect(json.register.map((entry) => entry.line)).toEqual(['11.1.6', '6.1.9', '7.5'].map((id) => lineOf(id) + 1));
    // Problems says what to do about the partial one.
    const check = findings(runCli(['check', '.', '--format', 'json', ...today], { cwd: root }).stdout).find((finding) => finding.message.includes('"11.1.6"'));
    expect(check?.message).toMatch(/7\.2 stays in scope until 11\.1\.2 is also excluded: also exclude 11\.1\.2, or exclude 7\.2 under its ISO\/IEC 27002:2022 id$/);
  });
});
