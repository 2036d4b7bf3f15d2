import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run';
import { policyText, tempWorkspace } from '../helpers/tempWorkspace';

interface Issue {
  type: string;
  check_name: string;
  description: string;
  severity: string;
  fingerprint: string;
  location: { path: string; lines: { begin: number } };
}

/** The fields GitLab documents for a Code Quality report, checked one by one. */
function expectCodeQuality(issues: Issue[]): void {
  expect(Array.isArray(issues)).toBe(true);
  for (const issue of issues) {
    expect(Object.keys(issue).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity', 'type']);
    expect(issue.type).toBe('issue');
    expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
    expect(issue.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(issue.location.path).not.toMatch(/^\//);
    expect(Number.isInteger(issue.location.lines.begin) && issue.location.lines.begin >= 1).toBe(true);
    expect(issue.description.startsWith(`${issue.check_name}: `)).toBe(true);
  }
  expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(issues.length);
}

describe('check --format gitlab', () => {
  it('writes a GitLab Code Quality report with the documented fields', () => {
    const result = runCli(['check', 'samples/with-problems', '--today', '2026-12-01', '--format', 'gitlab']);
    expect(result.code).toBe(1);
    const issues: Issue[] = JSON.parse(result.stdout);
    expectCodeQuality(issues);
    expect(issues).toContainEqual(expect.objectContaining({
      check_name: 'unknown-clause',
      severity: 'major',
      location: { path: 'samples/with-problems/teleworking-standard.md', lines: { begin: 12 } },
    }));
    expect(issues.some((issue) => issue.severity === 'minor')).toBe(true);
  });

  it('keeps a finding\'s fingerprint when lines above it move, so GitLab does not see it as new', () => {
    const text = (above: string) => policyText('POL-FP', '', `# Policy\n\n${above}See [the register](register.md) and [the plan](plan.md).\n`);
    const dir = tempWorkspace({ 'policy.md': text('') });
    const run = () => JSON.parse(runCli(['check', '.', '--format', 'gitlab', '--today', '2026-12-01'], { cwd: dir }).stdout) as Issue[];
    const before = run();
    writeFileSync(join(dir, 'policy.md'), text('An added paragraph.\n\nAnother.\n\n'));
    const after = run();
    expect(before.map((issue) => issue.check_name)).toEqual(['broken-reference', 'broken-reference']);
    expect(after.map((issue) => issue.fingerprint)).toEqual(before.map((issue) => issue.fingerprint));
    expect(after.map((issue) => issue.location.lines.begin)).toEqual(before.map((issue) => issue.location.lines.begin + 4));
  });

  const logOn = (body: string) => `---\nid: POL-MFA\ntitle: Log-on\ntype: policy\nowner: CISO\nstatus: draft\nversion: 1.0.0\nclauses: [9.4.2]\n---\n# Log-on\n\n${body}`;
  const mfa = 'Remote and administrator access requires a second factor.';
  it.each([
    ['missing-element', 'one of its elements is added', 'Text.\n', `## Multi-factor authentication\n\n${mfa}\n`, '4 of 4 elements not found', '3 of 4 elements not found'],
    ['empty-element', 'one of its empty sections is written', '## Multi-factor authentication\n\nTODO\n\n## Failed log-on attempts\n\nTBD\n', `## Multi-factor authentication\n\n${mfa}\n\n## Failed log-on attempts\n\nTBD\n`, '2 elements have no text yet', '1 element has no text yet — Failed log-on attempts'],
  ])('keeps a control\'s %s fingerprint when %s, so GitLab sees progress on the same issue', (rule, _change, before, after, saidBefore, saidAfter) => {
    const dir = tempWorkspace({ 'policy.md': logOn(before) });
    const run = () => (JSON.parse(runCli(['check', '.', '--format', 'gitlab', '--today', '2026-12-01'], { cwd: dir }).stdout) as Issue[]).filter((issue) => issue.check_name === rule);
    const first = run();
    writeFileSync(join(dir, 'policy.md'), logOn(after));
    const second = run();
    expect(first.map((issue) => issue.description)).toEqual([expect.stringContaining(saidBefore)]);
    expect(second.map((issue) => issue.description)).toEqual([expect.stringContaining(saidAfter)]);
    expect(second[0]?.fingerprint).toBe(first[0]?.fingerprint);
  });
});
