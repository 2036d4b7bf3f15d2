import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GitRepo } from '../helpers/gitRepo';
import { policy } from '../helpers/tempWorkspace';
import { repoRoot } from '../helpers/paths';
import { runCli } from '../helpers/run';

describe('pipeline integrations', () => {
  it('the problem matcher in the extension manifest reads every line of the stylish output', () => {
    const matcher = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).contributes.problemMatchers[0];
    const pattern = new RegExp(matcher.pattern.regexp);
    const { stdout } = runCli(['check', 'samples/with-problems', '--today', '2026-12-01']);
    const lines = stdout.split('\n').filter((line) => /^\S+\.md:\d+:\d+/.test(line));
    expect(lines).toHaveLength(5);
    for (const line of lines) {
      const match = pattern.exec(line);
      expect(match, line).not.toBeNull();
      expect(match![matcher.pattern.severity]).toMatch(/^(error|warning|info)$/);
      expect(match![matcher.pattern.code]).toMatch(/^[a-z-]+$/);
      expect(match![matcher.pattern.message]).not.toMatch(/ {2}[a-z-]+$/);
    }
  });

  it('.pre-commit-hooks.yaml declares a hook that checks what a commit changes, and its entry does so in a git repository', () => {
    const hooks = parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8'));
    expect(hooks).toEqual([expect.objectContaining({ id: 'clausewise', entry: 'clausewise check --changed-since HEAD', language: 'node', types: ['markdown'], pass_filenames: false })]);
    expect(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).bin.clausewise).toBe('dist/cli.js');
    const repo = new GitRepo({ 'a.md': policy({ id: 'POL-A', related: '[POL-B]' }, '# A\n'), 'b.md': policy({ id: 'POL-B' }, '# B\n'), 'c.md': policy({ id: 'POL-C', clauses: '[5.1.1]' }, '# C\n') });
    repo.commit('base');
    repo.write({ 'b.md': policy({ id: 'POL-B2' }, '# B\n') });
    repo.git('add', 'b.md');
    const [command, ...args] = hooks[0].entry.split(' ');
    expect(command).toBe('clausewise');
    const result = runCli([...args, '--format', 'json'], { cwd: repo.root });
    // b changed its id, so a's related breaks; c does not depend on b and is not checked.
    expect(JSON.parse(result.stdout).files.map((file: { path: string; findings: { ruleId: string }[] }) => [file.path, file.findings.map((finding) => finding.ruleId)])).toEqual([['a.md', ['broken-reference']], ['b.md', []]]);
    expect(result.code).toBe(1);
  });

  it('the github format gives workflow commands GitHub shows inline', () => {
    const { stdout } = runCli(['check', 'samples/with-problems', '--today', '2026-12-01', '--format', 'github']);
    for (const line of stdout.trim().split('\n')) expect(line).toMatch(/^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=clausewise [a-z-]+::\S/);
  });
});
