import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitRepo } from '../helpers/gitRepo';
import { policy } from '../helpers/tempWorkspace';
import { repoRoot } from '../helpers/paths';
import { runCli } from '../helpers/run';

type Report = { files: { path: string; findings: unknown[] }[] };

function check(repo: GitRepo, args: string[]): Report {
  const result = runCli(['check', '--format', 'json', '--today', '2026-06-01', ...args], { cwd: repo.root });
  expect(result.code, result.stderr).toBeLessThan(2);
  return JSON.parse(result.stdout);
}

/** check --changed-since's findings for each file it checked equal a full check's for that file. */
function expectSameAsFull(repo: GitRepo, args: string[], ref: string): string[] {
  const full = new Map(check(repo, args).files.map((file) => [file.path, file.findings]));
  const changed = check(repo, [...args, '--changed-since', ref]);
  for (const file of changed.files) expect(file.findings, file.path).toEqual(full.get(file.path));
  return changed.files.map((file) => file.path).sort();
}

describe('check --changed-since REF', () => {
  it('checks the changed files and the documents that depend on them, with the findings of a full check', () => {
    const repo = new GitRepo({
      'a.md': policy({ id: 'POL-A', clauses: '[9.2.5]' }, '# A\n\nAccess is reviewed quarterly by each system owner.\n'),
      'b.md': policy({ id: 'POL-B', related: '[POL-A]' }, '# B\n\nText.\n'),
      'c.md': policy({ id: 'POL-C', excludes: '[{clause: 9.2.6, justification: "No staff accounts exist on these kiosks, so nothing is removed."}]' }, '# C\n\nText.\n'),
      'd.md': policy({ id: 'POL-D' }, '# D\n\nSee [the register](e.md).\n'),
      'e.md': policy({ id: 'POL-E' }, '# E\n\nText.\n'),
      'f.md': policy({ id: 'POL-F', clauses: '[5.1.1]' }, '# F\n\nUnrelated.\n'),
      'g.md': policy({ id: 'POL-G' }, '# G\n\nText.\n'),
    });
    repo.commit('base');
    repo.write({ 'a.md': policy({ id: 'POL-A2', clauses: '[9.2.5, 9.2.6]' }, '# A\n\nAccess is reviewed quarterly by each system owner.\n') });
    repo.remove('e.md');
    repo.write({ 'h.md': policy({ id: 'POL-G' }, '# H\n\nUntracked, with a duplicate id.\n') });
    const checked = expectSameAsFull(repo, [], 'HEAD');
    // a changed its id (b's related breaks) and claims 9.2.6 (c excludes it); e went (d links to it);
    // h is new and shares g's id. f depends on nothing that changed.
    expect(checked).toEqual(['a.md', 'b.md', 'c.md', 'd.md', 'g.md', 'h.md']);
  });

  it('on a copy of samples/ with a rename, a removal and an edit', () => {
    const repo = new GitRepo({}, { copy: { samples: join(repoRoot, 'samples') } });
    repo.commit('samples');
    repo.git('mv', 'samples/cryptography-standard.md', 'samples/crypto-standard.md');
    repo.git('rm', '-q', 'samples/continuity-plan.md');
    repo.write({ 'samples/media-handling-standard.md': `${readFileSync(repo.path('samples/media-handling-standard.md'), 'utf8')}\nOne more line.\n` });
    const checked = expectSameAsFull(repo, ['samples'], 'HEAD');
    expect(checked).toEqual(expect.arrayContaining(['samples/crypto-standard.md', 'samples/media-handling-standard.md', 'samples/backup-procedure.md', 'samples/network-security-policy.md']));
    expect(checked).not.toContain('samples/workforce-security-policy.md');
  });

  it('with nothing changed checks nothing and says so', () => {
    const repo = new GitRepo({ 'a.md': policy({ id: 'POL-A' }, '# A\n') });
    repo.commit('base');
    const result = runCli(['check', '--changed-since', 'HEAD'], { cwd: repo.root });
    expect([result.code, result.stderr]).toEqual([0, 'clausewise: no policy document changed since HEAD, and none depends on a change\n']);
  });
});
