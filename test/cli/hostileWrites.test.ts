import { chmodSync, chownSync, existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cliPath } from '../helpers/paths';
import { runCli } from '../helpers/run';
import { tempWorkspace } from '../helpers/tempWorkspace';

// Each case is a repository an attacker could hand to `check --fix` or `adopt --write` (a pull
// request, a cloned project). Nothing outside the folder named may change, and no link is followed.

const backup = readFileSync(join(__dirname, '..', '..', 'samples', 'with-problems', 'backup-standard.md'), 'utf8');
const untagged = '# Access control policy\n\nUser access is reviewed every quarter by the security officer. Privileged accounts are approved by the CISO.\n';
const FIX = ['check', '.', '--fix', '--today', '2026-12-01'];

/** Links named like the temporary files earlier builds made (`.<name>.clausewise-<pid>.tmp`) for the pids a child may get. */
function plantTemporaryLinks(dir: string, target: string, pattern: (pid: number) => string): void {
  for (let pid = process.pid; pid < process.pid + 4000; pid++) symlinkSync(target, join(dir, pattern(pid)));
}

function linksStillPointAt(dir: string, target: string): boolean {
  return readdirSync(dir).filter((entry) => entry.endsWith('.tmp')).every((entry) => lstatSync(join(dir, entry)).isSymbolicLink() && readlinkSync(join(dir, entry)) === target);
}

describe('writes stay inside the repository and never follow a planted link', () => {
  it('check --fix does not write through planted temporary-file links (a git hook would run on the next commit)', () => {
    const root = tempWorkspace({ 'repo/backup.md': backup, 'outside/keep': 'untouched\n' });
    const repo = join(root, 'repo');
    const hook = join(root, 'outside', 'post-commit');
    plantTemporaryLinks(repo, hook, (pid) => `.backup.md.clausewise-${pid}.tmp`);
    const result = runCli(FIX, { cwd: repo });
    expect(result.stderr).toContain('clausewise: fixed backup.md (1 fix)');
    expect(existsSync(hook)).toBe(false);
    expect(linksStillPointAt(repo, hook)).toBe(true);
    expect(readFileSync(join(repo, 'backup.md'), 'utf8').startsWith(backup)).toBe(true);
  });

  it('the cache file is written without following planted temporary-file links', () => {
    const root = tempWorkspace({ 'repo/backup.md': backup, 'outside/keep': 'untouched\n' });
    const repo = join(root, 'repo');
    const victim = join(root, 'outside', 'keep');
    plantTemporaryLinks(repo, victim, (pid) => `.clausewise-cache.${pid}.tmp`);
    runCli(['check', '.', '--cache', '--today', '2026-12-01'], { cwd: repo });
    expect(readFileSync(victim, 'utf8')).toBe('untouched\n');
    expect(JSON.parse(readFileSync(join(repo, '.clausewise-cache'), 'utf8')).entries).toBeTruthy();
  });

  it('adopt --write does not write through planted temporary-file links', () => {
    const root = tempWorkspace({ 'repo/access.md': untagged });
    const repo = join(root, 'repo');
    const target = join(root, 'outside-file');
    plantTemporaryLinks(repo, target, (pid) => `.access.md.clausewise-${pid}.tmp`);
    const result = runCli(['adopt', '.', '--write', '--today', '2026-12-01'], { cwd: repo });
    expect(result.stdout).toMatch(/1 file adopted/);
    expect(existsSync(target)).toBe(false);
    expect(readFileSync(join(repo, 'access.md'), 'utf8').endsWith(untagged)).toBe(true);
  });

  it('a folder link and a link to / are not walked out of the repository, and say so', () => {
    const root = tempWorkspace({ 'repo/a.md': backup, 'outdir/b.md': backup });
    const repo = join(root, 'repo');
    symlinkSync(join(root, 'outdir'), join(repo, 'link'));
    symlinkSync('/', join(repo, 'root'));
    const result = runCli(FIX, { cwd: repo });
    expect(readFileSync(join(root, 'outdir', 'b.md'), 'utf8')).toBe(backup);
    expect(result.stderr).toMatch(/link: symbolic link to .*outdir, outside .*repo; not followed/);
    expect(result.stderr).toMatch(/root: symbolic link to \/, outside .*repo; not followed/);
    expect(result.stderr).toContain('clausewise: fixed a.md (1 fix)');
  });

  it("a config's include glob that leaves the repository is skipped, not written", () => {
    const root = tempWorkspace({ 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/.clausewise.yaml': 'include: ["*.md", "../outside/*.md"]\n', 'repo/a.md': backup, 'outside/b.md': backup });
    const repo = join(root, 'repo');
    const result = runCli(['check', '--fix', '--today', '2026-12-01'], { cwd: repo });
    expect(readFileSync(join(root, 'outside', 'b.md'), 'utf8')).toBe(backup);
    expect(result.stderr).toMatch(/include "\.\.\/outside\/\*\.md" reaches outside the repository .*; skipped/);
    expect(result.stderr).toContain('clausewise: fixed a.md (1 fix)');
  });

  it('a linked document is not replaced by a copy, and a read-only one is not rewritten; both are said, the run goes on, exit 1', () => {
    const root = tempWorkspace({ 'repo/shared/target.md': backup, 'repo/readonly.md': backup, 'repo/ok.md': backup });
    const repo = join(root, 'repo');
    symlinkSync(join(repo, 'shared', 'target.md'), join(repo, 'linked.md'));
    chmodSync(join(repo, 'readonly.md'), 0o444);
    const result = runCli(FIX, { cwd: repo });
    expect(lstatSync(join(repo, 'linked.md')).isSymbolicLink()).toBe(true);
    expect(result.stderr).toMatch(/linked\.md: not fixed: it is a symbolic link .*does not write through links/);
    expect(readFileSync(join(repo, 'readonly.md'), 'utf8')).toBe(backup);
    expect(result.stderr).toMatch(/readonly\.md: not fixed: the file is read-only/);
    expect(result.stderr).toContain('clausewise: fixed ok.md (1 fix)');
    expect(result.stderr).toContain('clausewise: fixed shared/target.md (1 fix)');
    expect(result.code).toBe(1);
  });

  it('a read-only folder fails its own files only: the others are fixed, exit 1, no internal error', () => {
    const root = tempWorkspace({ 'a/backup.md': backup, 'locked/backup.md': backup });
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    for (const path of [root, join(root, 'a'), join(root, 'a', 'backup.md'), join(root, 'locked'), join(root, 'locked', 'backup.md')]) {
      if (asNobody.uid) chownSync(path, asNobody.uid, asNobody.gid!);
    }
    chmodSync(root, 0o755);
    chmodSync(join(root, 'locked'), 0o555);
    const result = runCli(FIX, { cwd: root, ...asNobody });
    chmodSync(join(root, 'locked'), 0o755);
    expect(result.stderr).toMatch(/locked\/backup\.md: not fixed: cannot write it \(EACCES\): the folder is not writable/);
    expect(result.stderr).toContain('clausewise: fixed a/backup.md (1 fix)');
    expect(readFileSync(join(root, 'locked', 'backup.md'), 'utf8')).toBe(backup);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.code).toBe(1);
    // The findings printed are those of the file as it is: its section is still missing.
    expect(result.stdout).toMatch(/locked\/backup\.md[\s\S]*missing-element/);
  });

  it("a file another run is writing (its lock held by a live process) is left alone; a dead run's lock is taken over", () => {
    const root = tempWorkspace({ 'held.md': backup, 'stale.md': backup });
    writeFileSync(join(root, '.held.md.clausewise.lock'), String(process.pid));
    writeFileSync(join(root, '.stale.md.clausewise.lock'), '999999999');
    const result = runCli(FIX, { cwd: root });
    expect(readFileSync(join(root, 'held.md'), 'utf8')).toBe(backup);
    expect(result.stderr).toMatch(/held\.md: not fixed: another Clausewise run is writing it/);
    expect(result.stderr).toContain('clausewise: fixed stale.md (1 fix)');
    expect(existsSync(join(root, '.stale.md.clausewise.lock'))).toBe(false);
  });

  it('fixes are never taken from the cache: a forged entry cannot replace the text', () => {
    const root = tempWorkspace({ 'backup.md': backup });
    runCli(['check', '.', '--cache', '--today', '2026-12-01'], { cwd: root });
    const cacheFile = join(root, '.clausewise-cache');
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
    const entry = Object.values(cache.entries)[0] as { findings: [number, number, number, number, number, number, number, [number, number, [number, number, number][]][]][] };
    const withFix = entry.findings.find((finding) => finding[7].some((fix) => fix[1] === 1))!;
    cache.strings.push('FORGED');
    withFix[7] = [[withFix[7][0]![0], 1, [[0, backup.length, cache.strings.length - 1]]]];
    writeFileSync(cacheFile, JSON.stringify(cache));
    runCli(['check', '.', '--fix', '--cache', '--today', '2026-12-01'], { cwd: root });
    const after = readFileSync(join(root, 'backup.md'), 'utf8');
    expect(after).not.toContain('FORGED');
    expect(after.startsWith(backup)).toBe(true);
  });

  it('a cache that does not have the cache shape is a miss, not a crash', () => {
    const root = tempWorkspace({ 'backup.md': backup });
    runCli(['check', '.', '--cache', '--today', '2026-12-01'], { cwd: root });
    const cacheFile = join(root, '.clausewise-cache');
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
    for (const entry of Object.values(cache.entries) as { summary: Record<string, unknown> }[]) entry.summary.clauses = 'not a list';
    writeFileSync(cacheFile, JSON.stringify(cache));
    const result = runCli(['check', '.', '--cache', '--today', '2026-12-01'], { cwd: root });
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.stdout).toMatch(/missing-element/);
  });

  it('a cache location that cannot be written is a warning: the findings are still printed', () => {
    const root = tempWorkspace({ 'backup.md': backup, '.clausewise-cache/inside': 'a folder, not a file\n' });
    const result = runCli(['check', '.', '--cache', '--today', '2026-12-01'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/clausewise: cannot write the cache \.clausewise-cache \(\w+\); the next run starts without it/);
    expect(result.stdout).toMatch(/missing-element/);
  });

  it('two --fix runs at once never both write a file: each file is fixed once, by one of them', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `backup-${String(i).padStart(2, '0')}.md`);
    const root = tempWorkspace(Object.fromEntries(names.map((name) => [name, backup])));
    const run = () =>
      new Promise<string>((resolve) => {
        const child = spawn(process.execPath, [cliPath, ...FIX], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', () => resolve(stderr));
      });
    const outputs = await Promise.all([run(), run()]);
    const fixedOnce = readFileSync(join(root, names[0]!), 'utf8');
    expect(fixedOnce.startsWith(backup) && fixedOnce.length > backup.length).toBe(true);
    for (const name of names) {
      expect(readFileSync(join(root, name), 'utf8')).toBe(fixedOnce);
      expect(outputs.join('').split(`clausewise: fixed ${name} `).length - 1, name).toBe(1);
    }
    expect(readdirSync(root).filter((entry) => entry.endsWith('.tmp') || entry.endsWith('.lock'))).toEqual([]);
  });
});
