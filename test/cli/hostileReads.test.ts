import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run';
import { policyText, tempWorkspace } from '../helpers/tempWorkspace';

// Every file a repository holds may be hostile: a FIFO or a device where a document, config or
// catalog should be, a config pointing at secrets. A hung or killed CLI gives code -1 here.
const QUICK = { timeout: 20_000 };
const MARKER = 'MARKER_7f3a9c_SECRET';

function fifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

describe('reads refuse what is not a regular file, quickly and with a finding', () => {
  it('a FIFO named on the command line is a finding, not a hang', () => {
    const root = tempWorkspace({ 'a.md': policyText('POL-A') });
    fifo(join(root, 'x.md'));
    const result = runCli(['check', 'x.md', 'a.md', '--format', 'json'], { cwd: root, ...QUICK });
    expect(result.code).toBe(1);
    const files = JSON.parse(result.stdout).files;
    expect(files.find((file: { path: string }) => file.path === 'x.md').findings).toEqual([
      expect.objectContaining({ ruleId: 'unreadable-file', message: expect.stringContaining('it is a named pipe (FIFO), not a regular file') }),
    ]);
  });

  it('a link to /dev/zero is not followed out of the folder, and named directly it is a finding', () => {
    const root = tempWorkspace({ 'a.md': policyText('POL-A') });
    symlinkSync('/dev/zero', join(root, 'zero.md'));
    const walked = runCli(['check', '.'], { cwd: root, ...QUICK });
    expect(walked.code).toBe(0);
    expect(walked.stderr).toMatch(/zero\.md: symbolic link to \/dev\/zero, outside .*; not followed/);
    const named = runCli(['check', 'zero.md'], { cwd: root, ...QUICK });
    expect(named.code).toBe(1);
    expect(named.stdout).toMatch(/it is a device, not a regular file/);
  });

  it('a config or catalog that is a FIFO or a device stops the run at once with a message naming it', () => {
    const root = tempWorkspace({ 'a.md': policyText('POL-A'), '.git/HEAD': 'ref: refs/heads/main\n' });
    fifo(join(root, 'fifo.yaml'));
    const config = runCli(['check', '.', '--config', 'fifo.yaml'], { cwd: root, ...QUICK });
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(/fifo\.yaml:1:1: cannot read the config: it is a named pipe \(FIFO\), not a regular file/);
    writeFileSync(join(root, '.clausewise.yaml'), 'catalog: fifo.yaml\n');
    const catalog = runCli(['check', '.'], { cwd: root, ...QUICK });
    expect(catalog.code).toBe(2);
    expect(catalog.stderr).toMatch(/fifo\.yaml:1:1: cannot read the catalog: it is a named pipe \(FIFO\)/);
    writeFileSync(join(root, '.clausewise.yaml'), 'catalog: /dev/zero\n');
    const zero = runCli(['check', '.'], { cwd: root, ...QUICK });
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/catalog "\/dev\/zero" is outside the repository that holds the config/);
    const named = runCli(['check', '.', '--catalog', '/dev/zero'], { cwd: root, ...QUICK });
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/cannot read the catalog: it is a device/);
  });
});

describe('nothing read from a file that is not a config or catalog is repeated in a message', () => {
  it('/proc/self/environ as a catalog (named, linked or passed) never shows the environment', () => {
    const root = tempWorkspace({ 'a.md': policyText('POL-A'), '.git/HEAD': 'ref: refs/heads/main\n' });
    symlinkSync('/proc/self/environ', join(root, 'linked.yaml'));
    const env = { SOME_TOKEN: MARKER };
    for (const catalog of ['/proc/self/environ', 'linked.yaml']) {
      writeFileSync(join(root, '.clausewise.yaml'), `catalog: ${catalog}\n`);
      const result = runCli(['check', '.'], { cwd: root, env, ...QUICK });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/is outside the repository that holds the config/);
      expect(result.stdout + result.stderr).not.toContain(MARKER);
    }
    writeFileSync(join(root, '.clausewise.yaml'), 'rules: {}\n');
    const passed = runCli(['check', '.', '--catalog', '/proc/self/environ'], { cwd: root, env, ...QUICK });
    expect(passed.code).toBe(2);
    expect(passed.stdout + passed.stderr).not.toContain(MARKER);
  });

  it('a secret-holding file inside the repository, used as catalog or config, is described, not quoted', () => {
    const shadow = `root:$6$${MARKER}:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n`;
    const root = tempWorkspace({ 'a.md': policyText('POL-A'), 'shadow': shadow, 'secrets.yaml': `api_key: ${MARKER}\n"${MARKER}": 1\n` });
    for (const args of [['--catalog', 'shadow'], ['--catalog', 'secrets.yaml'], ['--config', 'shadow'], ['--config', 'secrets.yaml']]) {
      const result = runCli(['check', '.', ...args], { cwd: root, ...QUICK });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/(shadow|secrets\.yaml):\d+:\d+: /);
      expect(result.stdout + result.stderr).not.toContain(MARKER);
    }
  });
});

describe('configs are bounded', () => {
  it('a config over 1 MB, or with more than 1,000 globs, is refused quickly with a message saying the limit', () => {
    const root = tempWorkspace({ 'a.md': policyText('POL-A') });
    writeFileSync(join(root, '.clausewise.yaml'), `include:\n${'  - "docs/**/some-long-folder-name/*.md"\n'.repeat(60_000)}`);
    const large = runCli(['check', '.'], { cwd: root, ...QUICK });
    expect(large.code).toBe(2);
    expect(large.stderr).toMatch(/\.clausewise\.yaml:1:1: cannot read the config: it is larger than the 1 MB Clausewise reads/);
    writeFileSync(join(root, '.clausewise.yaml'), `include:\n${Array.from({ length: 1001 }, (_, i) => `  - "d${i}/*.md"\n`).join('')}`);
    const many = runCli(['check', '.'], { cwd: root, ...QUICK });
    expect(many.code).toBe(2);
    expect(many.stderr).toMatch(/\.clausewise\.yaml:2:\d+: "include" is too long \(must NOT have more than 1000 items\)/);
  });
});
