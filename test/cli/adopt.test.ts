import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run';
import { fixturesDir } from '../helpers/paths';
import { policyText, tempWorkspace } from '../helpers/tempWorkspace';

const password = `# {{companyShortName}} Password Policy

[Company Name] staff sign in with passwords.

## Password requirements

Passwords have at least 12 characters and are checked against lists of breached passwords.

## Protecting your password

Keep your password secret, never share it, and change it when you suspect someone knows it.
`;
const backup = '\uFEFF# Backup Procedure\r\n\r\n## Backup schedule\r\n\r\nNightly backups.\r\n\r\n## Restore testing\r\n\r\nRestores are tested each quarter.\r\n';
const files = {
  'policies/password-policy.md': password,
  'policies/backup.md': backup,
  'policies/tagged.md': policyText('POL-1', '', '# Tagged\n\nText.\n'),
  'policies/jekyll.md': '---\nlayout: page\n---\n# A page\n\nPasswords and backups.\n',
  'policies/README.md': '# About these policies\n\nPassword policy and backup procedure.\n',
  'policies/lunch.md': '# Lunch menu\n\nSoup on Mondays.\n',
};
const FRONTMATTER_RULES = ['frontmatter-missing', 'frontmatter-syntax', 'frontmatter-schema', 'required-field', 'duplicate-id'];

function snapshot(root: string): Record<string, Buffer> {
  const dir = join(root, 'policies');
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]));
}

describe('clausewise adopt', () => {
  it('without --write prints the proposals as a unified diff, a summary, and changes nothing', () => {
    const root = tempWorkspace(files);
    const before = snapshot(root);
    const { code, stdout, stderr } = runCli(['adopt', 'policies'], { cwd: root });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(snapshot(root)).toEqual(before);
    expect(stdout).toContain('--- a/policies/password-policy.md\n+++ b/policies/password-policy.md\n@@ -1,3 +1,');
    // The claims are a block list, one id per line.
    expect(stdout).toContain('\n+---\n+id: PASSWORD-POLICY\n+title: "{{companyShortName}} Password Policy"\n+type: policy\n+owner: TODO\n+status: draft\n+version: 0.1.0\n+clauses:\n+  - ');
    expect(stdout).toMatch(/^\+ {2}- 9\.4\.3$/m);
    expect(stdout).toContain('+id: BACKUP\n+title: Backup Procedure\n+type: procedure\n');
    expect(stdout).toContain('clausewise adopt: 2 files to adopt, 4 skipped (dry run: nothing written; add --write to write them)');
    expect(stdout).toMatch(/skipped +policies\/tagged\.md +already has Clausewise frontmatter/);
    expect(stdout).toMatch(/skipped +policies\/jekyll\.md +has a frontmatter block of its own \(layout\)/);
    expect(stdout).toMatch(/skipped +policies\/README\.md +a README or project file, not a policy/);
    expect(stdout).toMatch(/skipped +policies\/lunch\.md +no control scored 0\.45 or more/);
    expect(stdout).toMatch(/coverage the set would have: 0 covered, \d+ partial, 0 excluded, \d+ gap of 114 controls/);
  });

  it('with --write prepends frontmatter the checker accepts, keeps every body byte, skips tagged files, and is idempotent', () => {
    const root = tempWorkspace(files);
    const before = snapshot(root);
    const first = runCli(['adopt', 'policies', '--write'], { cwd: root });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).not.toContain('+++');
    expect(first.stdout).toContain('clausewise adopt: 2 files adopted, 4 skipped');
    const after = snapshot(root);
    for (const name of ['tagged.md', 'jekyll.md', 'README.md', 'lunch.md']) expect(after[name]).toEqual(before[name]);

    const adoptedPassword = after['password-policy.md']!.toString('utf8');
    expect(adoptedPassword).toMatch(/^---\nid: PASSWORD-POLICY\n[\s\S]*\nstatus: draft\n[\s\S]*\n---\n/);
    expect(after['password-policy.md']!.subarray(after['password-policy.md']!.length - before['password-policy.md']!.length)).toEqual(before['password-policy.md']);
    // The byte-order mark stays first; the CRLF file gets CRLF frontmatter; the old bytes follow unchanged.
    const adoptedBackup = after['backup.md']!;
    expect(adoptedBackup.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const backupBlock = adoptedBackup.toString('utf8').split('# Backup')[0]!;
    expect(backupBlock).toMatch(/^\uFEFF---\r\nid: BACKUP\r\n[\s\S]*\r\nclauses:\r\n {2}- 12\.3\.1\r\n(?: {2}- [\d.]+\r\n)*---\r\n$/);
    expect(backupBlock.replace(/\r\n/g, '')).not.toContain('\n');
    expect(adoptedBackup.subarray(adoptedBackup.length - (before['backup.md']!.length - 3))).toEqual(before['backup.md']!.subarray(3));

    const check = runCli(['check', 'policies', '--format', 'json'], { cwd: root });
    const report = JSON.parse(check.stdout) as { files: { path: string; findings: { ruleId: string }[] }[] };
    for (const path of ['policies/password-policy.md', 'policies/backup.md']) {
      const file = report.files.find((entry) => entry.path === path)!;
      expect(file.findings.filter((finding) => FRONTMATTER_RULES.includes(finding.ruleId))).toEqual([]);
    }

    const second = runCli(['adopt', 'policies', '--write'], { cwd: root });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('clausewise adopt: 0 files adopted, 6 skipped');
    expect(second.stdout).toMatch(/skipped +policies\/password-policy\.md +already has Clausewise frontmatter/);
    expect(snapshot(root)).toEqual(after);
    expect(runCli(['adopt', 'policies'], { cwd: root }).stdout).not.toContain('+++');
  });

  it('honours --min-score and --top', () => {
    const root = tempWorkspace({ 'policies/password-policy.md': password });
    const { stdout } = runCli(['adopt', 'policies', '--min-score', '0', '--top', '2'], { cwd: root });
    expect(stdout).toMatch(/^\+clauses:$/m);
    expect(stdout.match(/^\+ {2}- [\d.]+$/gm)).toHaveLength(2);
    const strict = runCli(['adopt', 'policies', '--min-score', '0.99'], { cwd: root });
    expect(strict.stdout).toMatch(/no control scored 0\.99 or more \(best: 9\.4\.3 at 0\.\d\d/);
  });

  it('does not adopt a proposal the config would reject, and leaves its claims out of the coverage', () => {
    // The config requires a field a draft cannot fill in (effective), so every proposal fails required-field.
    const root = tempWorkspace({
      '.clausewise.yaml': 'required-fields: [id, title, owner, status, effective]\n',
      'policies/password-policy.md': password,
      'policies/tagged.md': policyText('POL-1', 'effective: 2026-01-01\n'),
    });
    const { code, stdout } = runCli(['adopt', 'policies'], { cwd: root });
    expect(code).toBe(0);
    expect(stdout).toMatch(/skipped +policies\/password-policy\.md +the proposed frontmatter would not pass the check \(required-field: /);
    expect(stdout).toContain('clausewise adopt: 0 files to adopt, 2 skipped');
    // The rejected draft claimed 9.4.3 and others: none of them counts.
    expect(stdout).toContain('coverage the set would have: 0 covered, 0 partial, 0 excluded, 114 gap of 114 controls');
  });

  it.each([
    [[], /adopt needs a folder of Markdown policies/],
    [['policies', '--min-score', '2'], /--min-score takes a number from 0 to 1, not "2"/],
    [['policies', '--top', 'many'], /--top takes a whole number of 1 or more, not "many"/],
    [['nowhere'], /no such file or folder: nowhere/],
    [['notes'], /no Markdown files found in notes\n {2}pass a folder that holds \.md files, or check include and exclude in \.clausewise\.yaml/],
    [['policies', '--today', '2026-02-31'], /--today must be a date written YYYY-MM-DD, not "2026-02-31"\n {2}2026-02-31 is not a day of the calendar/],
  ])('exits 2 with one clear line for a usage error: %j', (args, message) => {
    const root = tempWorkspace({ 'policies/password-policy.md': password, 'notes/todo.txt': 'not Markdown\n' });
    const { code, stderr } = runCli(['adopt', ...args], { cwd: root });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(readFileSync(join(root, 'policies/password-policy.md'), 'utf8')).toBe(password);
  });

  it('leaves files with a comply header alone, and says how to adopt them by hand; following that works', () => {
    const original = readFileSync(join(fixturesDir, 'comply', 'workstation.md'), 'utf8');
    const root = tempWorkspace({ 'policies/workstation.md': original });
    const before = snapshot(root);
    const { code, stdout } = runCli(['adopt', 'policies', '--write'], { cwd: root });
    expect(code).toBe(0);
    expect(snapshot(root)).toEqual(before);
    expect(stdout).toContain('clausewise adopt: 0 files adopted, 1 skipped');
    const advice = /skipped +policies\/workstation\.md +has a comply-style header of its own \(name, acronym, satisfies, majorRevisions\); add "(clauses: \[[\d., ]*6\.2\.1[\d., ]*\])" above its --- line, then run clausewise check --fix on it to add the other required keys/.exec(stdout);
    expect(advice).not.toBeNull();
    writeFileSync(join(root, 'policies/workstation.md'), original.replace('---\n', `${advice![1]}\n---\n`));
    runCli(['check', 'policies/workstation.md', '--fix'], { cwd: root });
    const report = JSON.parse(runCli(['check', 'policies', '--format', 'json'], { cwd: root }).stdout) as { files: { findings: { ruleId: string }[] }[] };
    expect(report.files[0]!.findings.filter((finding) => FRONTMATTER_RULES.includes(finding.ruleId))).toEqual([]);
    expect(runCli(['coverage', 'policies', '--format', 'json'], { cwd: root }).stdout).toContain('"6.2.1"');
  });
});
