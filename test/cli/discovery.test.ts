import { chmodSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run';
import { policyText, tempWorkspace } from '../helpers/tempWorkspace';

const bad = policyText('POL-X').replace('clauses: []', 'clauses: [9.9.9]');

describe('which files check reads', () => {
  it('honours .gitignore in the folder and its parents, and skips node_modules', () => {
    const root = tempWorkspace({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'drafts/\n*.tmp.md\n',
      'policies/a.md': policyText('POL-A'),
      'policies/drafts/b.md': bad,
      'policies/c.tmp.md': bad,
      'policies/node_modules/pkg/readme.md': bad,
      'policies/sub/.gitignore': 'local.md\n',
      'policies/sub/local.md': bad,
    });
    const result = runCli(['check', 'policies', '--format', 'json'], { cwd: root });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).files.map((file: { path: string }) => file.path)).toEqual(['policies/a.md']);
  });

  it('uses the config include globs when no path is given, and exclude always', () => {
    const root = tempWorkspace({
      '.clausewise.yaml': 'include: ["policies/**/*.md"]\nexclude: ["policies/archive/**"]\n',
      'policies/a.md': policyText('POL-A'),
      'policies/archive/old.md': bad,
      'notes/n.md': bad,
    });
    const result = runCli(['check', '--format', 'json'], { cwd: root });
    expect(JSON.parse(result.stdout).files.map((file: { path: string }) => file.path)).toEqual(['policies/a.md']);
  });

  it('reports a symbolic link loop and an unreadable folder without stopping', () => {
    const root = tempWorkspace({ 'a.md': policyText('POL-A'), 'locked/b.md': policyText('POL-B') });
    symlinkSync(root, join(root, 'loop'));
    chmodSync(root, 0o755);
    chmodSync(join(root, 'a.md'), 0o644);
    chmodSync(join(root, 'locked'), 0o000);
    // Root reads any folder, so when the tests run as root the CLI runs as nobody for this case.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const result = runCli(['check', '.'], { cwd: root, ...asNobody });
    chmodSync(join(root, 'locked'), 0o755);
    expect(result.stderr).toMatch(/loop: symbolic link loop, not followed again \(skipped\)/);
    expect(result.stderr).toMatch(/locked: cannot read folder \(EACCES\) \(skipped\)/);
    expect(result.stdout).toContain('no problems');
  });

  it('reports an unreadable or binary policy file as a finding', () => {
    const root = tempWorkspace({ '.clausewise.yaml': 'include: ["*.md"]\n', 'a.md': policyText('POL-A'), 'image.md': '\u0000\u0001PNG' });
    const result = runCli(['check', '.', '--format', 'json'], { cwd: root });
    expect(result.code).toBe(1);
    const files = JSON.parse(result.stdout).files;
    expect(files[1].findings).toEqual([expect.objectContaining({ ruleId: 'unreadable-file', message: expect.stringContaining('the file is binary') })]);
  });
});
