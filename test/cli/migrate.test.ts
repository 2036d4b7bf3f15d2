/** `clausewise migrate --to iso27002-2022` as a real subprocess, on copies of samples/ and of the comply fixtures. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, repoRoot } from '../helpers/paths';
import { runCli } from '../helpers/run';

const today = ['--today', '2026-12-01'];

/** A fresh copy of a folder, and the text of each file in it (top level). */
function copyOf(source: string): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'clausewise-migrate-')), 'set');
  cpSync(source, copy, { recursive: true });
  return copy;
}
function snapshot(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).filter((name) => name.endsWith('.md') || name.startsWith('.clausewise')).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}
/** The text after the frontmatter's closing line (a comply header has no opening fence); all of a file without one. */
function body(text: string): string {
  const close = /^---\r?$/m;
  const first = close.exec(text);
  if (!first) return text;
  const rest = text.slice(first.index + 3);
  const second = text.startsWith('---') ? close.exec(rest) : null;
  return second ? rest.slice(second.index) : rest;
}

describe('clausewise migrate', () => {
  it('on the samples: a dry run changes nothing, --write migrates, check finds no unknown clause, a second run changes nothing', () => {
    const dir = copyOf(join(repoRoot, 'samples'));
    const before = snapshot(dir);
    const dry = runCli(['migrate', '--to', 'iso27002-2022', dir]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    expect(dry.stdout).toMatch(/^--- a\/.*access-control-policy\.md\n\+\+\+ b\/.*\n@@ .* @@\n/m);
    expect(dry.stdout).toMatch(/^-clauses: \[9\.1\.1, 9\.1\.2, 9\.2\.1, 9\.2\.2, 9\.2\.3, 9\.2\.4, 9\.2\.5, 9\.2\.6\]$/m);
    expect(dry.stdout).toMatch(/^\+clauses: \[5\.15, 5\.16, 5\.18, 8\.2, 5\.17\]$/m);
    expect(dry.stdout).toContain('dry run: nothing written');
    expect(dry.stdout).toContain('With --write, ');
    // The 11 controls new in 2022 are the ones nobody claims, each with what to write.
    const unclaimed = dry.stdout.slice(dry.stdout.indexOf('New controls nobody claims'), dry.stdout.indexOf('Claimed through only some'));
    expect([...unclaimed.matchAll(/^ {2}(\d+\.\d+) /gm)].map((match) => match[1])).toEqual(['5.7', '5.23', '5.30', '7.4', '8.9', '8.10', '8.11', '8.12', '8.16', '8.23', '8.28']);
    expect(unclaimed).toContain('      - Data location: Say in which countries or regions health data may be stored');
    // A document claiming a merged control through only some of its predecessors is named, per document.
    expect(dry.stdout).toContain('  7.10 Storage media: STD-EQ-001 through 11.2.5, not 8.3.1, 8.3.2, 8.3.3\n');
    expect(dry.stdout).toMatch(/^ {2}\S*compliance-privacy-policy\.md:\d+ {2}"ISO 27799 18\.2\.3" → 5\.36 \+ 8\.8$/m);

    const written = runCli(['migrate', '--to', 'iso27002-2022', dir, '--write']);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).not.toMatch(/^--- a\//m);
    const after = snapshot(dir);
    for (const [name, text] of before) if (name.endsWith('.md')) expect(body(after.get(name)!), name).toBe(body(text));
    expect(after.get('.clausewise.yaml')).toBe(`${before.get('.clausewise.yaml')}catalog: iso27002-2022\n`);
    expect(after.get('secure-development-policy.md')).toMatch(/excludes:\n {2}- clause: "8\.30"\n {4}justification: Larkspur Valley Hospital does not outsource/);

    const check = runCli(['check', dir, '--format', 'json', ...today]);
    const findings = (JSON.parse(check.stdout) as { files: { findings: { ruleId: string }[] }[] }).files.flatMap((file) => file.findings);
    expect(findings.filter((finding) => finding.ruleId === 'unknown-clause')).toEqual([]);

    const again = runCli(['migrate', '--to', 'iso27002-2022', dir, '--write']);
    expect(again.code, again.stderr).toBe(0);
    expect(snapshot(dir)).toEqual(after);
    expect(again.stdout).toMatch(/0 written, 20 unchanged/);
    expect(again.stdout).toContain('already uses catalog: iso27002-2022');
  });

  it('rewrites a comply header in place and leaves files without clauses alone', () => {
    const dir = copyOf(join(fixturesDir, 'comply'));
    const onboarding = readFileSync(join(dir, 'onboarding.md'), 'utf8');
    writeFileSync(join(dir, 'onboarding.md'), onboarding.replace('name: "Onboard New User"\n', 'name: "Onboard New User"\nclauses: [9.2.1, 9.2.2]\n'));
    const before = snapshot(dir);
    const result = runCli(['migrate', '--to', 'iso27002-2022', dir, '--write', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { documents: { path: string; outcome: string; after: string[] }[] };
    expect(report.documents).toEqual([expect.objectContaining({ outcome: 'written', after: ['5.16', '5.18'] })]);
    const after = snapshot(dir);
    expect(after.get('onboarding.md')).toBe(before.get('onboarding.md')!.replace('clauses: [9.2.1, 9.2.2]', 'clauses: [5.16, 5.18]'));
    expect(after.get('workstation.md')).toBe(before.get('workstation.md'));
    expect(result.stdout).toContain('create one holding the line \\"catalog: iso27002-2022\\"');
  });

  it('needs --to iso27002-2022', () => {
    expect(runCli(['migrate', 'samples'])).toMatchObject({ code: 2, stderr: expect.stringContaining('migrate needs --to iso27002-2022') });
    expect(runCli(['migrate', '--to', 'iso27799-2016', 'samples'])).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot migrate to "iso27799-2016"') });
  });
});
