import { describe, expect, it } from 'vitest';
import { GitRepo } from '../helpers/gitRepo';
import { policy } from '../helpers/tempWorkspace';
import { runCli } from '../helpers/run';

const approved = { id: 'POL-AC', status: 'approved', 'approved-by': 'Board', effective: '2026-01-01', 'last-reviewed': '2026-01-01', clauses: '[]' };

/** A repository whose approved policy is then edited on a branch without a new version or approval. */
function editedWithoutBump(): GitRepo {
  const repo = new GitRepo({ 'policies/access.md': policy(approved, '# Access\n\nAccess is reviewed every year.\n') });
  repo.commit('approved');
  repo.git('checkout', '-q', '-b', 'edit');
  repo.write({ 'policies/access.md': policy(approved, '# Access\n\nAccess is reviewed every quarter.\n') });
  return repo;
}

describe('change discipline: version-not-bumped and approval-stale', () => {
  it('check --base REF reports an approved document edited without a new version or approval; without a base both rules are silent', () => {
    const repo = editedWithoutBump();
    const withBase = runCli(['check', '--base', 'main', '--today', '2026-06-01'], { cwd: repo.root });
    expect(withBase.stdout).toMatch(/6:10\s+error\s+this approved document's text changed since main \(\w{7}\), but its version is still 1\.0\.0; raise the version\s+version-not-bumped/);
    expect(withBase.stdout).toMatch(/5:9\s+warning\s+this approved document changed since main \(\w{7}\), but effective \(2026-01-01\) and approved-by \(Board\) are as before/);
    expect(withBase.code).toBe(1);
    const without = runCli(['check', '--today', '2026-06-01'], { cwd: repo.root });
    expect(without.stdout).not.toMatch(/version-not-bumped|approval-stale/);
    expect(without.code).toBe(0);
  });

  it('a rename with edits is compared with the document under its old name', () => {
    const repo = editedWithoutBump();
    repo.git('add', '-A');
    repo.git('mv', 'policies/access.md', 'policies/access-control.md');
    const result = runCli(['check', '--base', 'main', '--today', '2026-06-01', '--format', 'json'], { cwd: repo.root });
    const findings = JSON.parse(result.stdout).files.flatMap((file: { findings: { ruleId: string }[] }) => file.findings.map((finding) => finding.ruleId));
    expect(findings.sort()).toEqual(['approval-stale', 'version-not-bumped']);
  });

  it('diff names it in the verdict and exits 1; a new version and effective date clear both', () => {
    const repo = editedWithoutBump();
    const diff = runCli(['diff', '--today', '2026-06-01'], { cwd: repo.root });
    expect(diff.stdout.split('\n')[0]).toBe('**Clausewise:** 1 approved policy changed without a new version, 1 approved policy changed without a new approval, 2 new findings (1 error).');
    expect(diff.code).toBe(1);
    repo.write({ 'policies/access.md': policy({ ...approved, version: '1.1.0', effective: '2026-05-01' }, '# Access\n\nAccess is reviewed every quarter.\n') });
    const mended = runCli(['diff', '--today', '2026-06-01', '--format', 'json'], { cwd: repo.root });
    expect(JSON.parse(mended.stdout).findings.new).toEqual([]);
    expect(mended.code).toBe(0);
  });
});
