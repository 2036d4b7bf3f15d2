import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath } from '../helpers/paths';
import { runCli } from '../helpers/run';
import { pathological, pathologicalPolicy } from '../helpers/pathological';
import { policyText, tempWorkspace } from '../helpers/tempWorkspace';

/**
 * Runs `clausewise check` on a folder, killed after 20 s so that a hang fails the test instead of
 * stalling it. No wall-clock bound besides: a document-too-complex finding with the time-limit message
 * exists only when the parse was stopped, and how fast is measured by the benchmarks.
 */
function boundedCheck(root: string, args: string[] = []): { code: number | null; stdout: string } {
  const result = spawnSync(process.execPath, [cliPath, 'check', root, '--today', '2026-06-01', '--format', 'json', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout };
}

function findingsOf(stdout: string): { ruleId: string; message: string; file: string }[] {
  return (JSON.parse(stdout) as { files: { path: string; findings: { ruleId: string; message: string }[] }[] }).files.flatMap((file) =>
    file.findings.map((finding) => ({ ...finding, file: file.path })),
  );
}

describe('parsing on a budget (the CLI)', () => {
  for (const [name, body] of Object.entries(pathological)) {
    it(`stops on ${name}, reporting document-too-complex with the limit and how to change it`, () => {
      const root = tempWorkspace({ 'hostile.md': pathologicalPolicy(body), 'fine.md': policyText('POL-FINE') });
      const { code, stdout } = boundedCheck(root);
      expect(code).toBe(1);
      const tooComplex = findingsOf(stdout).filter((finding) => finding.ruleId === 'document-too-complex');
      expect(tooComplex).toHaveLength(1);
      expect(tooComplex[0]!.file).toMatch(/hostile\.md$/);
      expect(tooComplex[0]!.message).toMatch(/limits\./);
    });
  }

  it('stops a parse that passes the pre-scan but runs over limits.parse-seconds, and says so', () => {
    // The pre-scan's nesting limit raised out of the way: only the time budget is left to stop the 1,000-level list.
    const root = tempWorkspace({
      '.clausewise.yaml': 'limits:\n  nesting-depth: 100000\n  parse-seconds: 0.5\n',
      'hostile.md': pathologicalPolicy(pathological['a 1,000-level list']!),
      'fine.md': policyText('POL-FINE'),
    });
    const { code, stdout } = boundedCheck(root);
    expect(code).toBe(1);
    const findings = findingsOf(stdout);
    expect(findings.filter((finding) => finding.file.endsWith('fine.md')).map((finding) => finding.ruleId)).not.toContain('document-too-complex');
    const tooComplex = findings.filter((finding) => finding.ruleId === 'document-too-complex');
    expect(tooComplex).toHaveLength(1);
    expect(tooComplex[0]!.message).toMatch(/0\.5 s/);
    expect(tooComplex[0]!.message).toMatch(/limits\.parse-seconds/);
  });

  it('bounds every document of a small run, not only those the pre-scan calls risky', () => {
    // Plain prose (shallow, little emphasis, under the risky size): the pre-scan lets it through, the time limit still applies.
    const prose = Array.from({ length: 2000 }, (_, n) => `Paragraph ${n} says who reviews access and how often, in plain words.\n`).join('\n');
    const root = tempWorkspace({ '.clausewise.yaml': 'limits:\n  parse-seconds: 0.001\n', 'plain.md': policyText('POL-PLAIN', '', `# Plain\n\n${prose}`) });
    const { stdout } = boundedCheck(root);
    const tooComplex = findingsOf(stdout).filter((finding) => finding.ruleId === 'document-too-complex');
    expect(tooComplex.map((finding) => finding.file)).toEqual([expect.stringMatching(/plain\.md$/)]);
    expect(tooComplex[0]!.message).toMatch(/limits\.parse-seconds/);
  });

  it('holds on the checking threads too: one hostile document among many is stopped, the others are checked', () => {
    const files: Record<string, string> = { '.clausewise.yaml': 'limits:\n  nesting-depth: 100000\n  parse-seconds: 0.5\n' };
    for (let n = 0; n < 160; n++) files[`p${n}.md`] = policyText(`POL-${n}`);
    files['hostile.md'] = pathologicalPolicy(pathological['a 1,000-level list']!);
    const { code, stdout } = boundedCheck(tempWorkspace(files));
    expect(code).toBe(1);
    const findings = findingsOf(stdout);
    expect(findings.filter((finding) => finding.ruleId === 'document-too-complex').map((finding) => finding.file)).toEqual([expect.stringMatching(/hostile\.md$/)]);
    // Every other document was still checked and listed.
    expect(new Set(JSON.parse(stdout).files.map((file: { path: string }) => file.path)).size).toBe(161);
  });

  it('suggest and adopt skip a hostile document, saying why, instead of parsing it', () => {
    const root = tempWorkspace({ 'hostile.md': `# Hostile\n\n${pathological['nested list markers']!}` });
    const suggest = runCli(['suggest', join(root, 'hostile.md')], { cwd: root });
    expect(suggest.stderr).toMatch(/hostile\.md: lists or block quotes here nest 5000 levels deep.*\(skipped\)/);
    const adopt = runCli(['adopt', root], { cwd: root });
    expect(adopt.stdout + adopt.stderr).toMatch(/nest 5000 levels deep.*not adopted/);
  });
});
