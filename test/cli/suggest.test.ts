import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run';
import { tempWorkspace } from '../helpers/tempWorkspace';

const backup = '# Backup Procedure\n\n## Backup schedule\n\nNightly backups of {{system}} for [Company Name].\n\n## Restore testing\n\nRestores are tested each quarter.\n';
const claimed = `---\nid: BK\ntitle: Backup\ntype: procedure\nowner: Ops\nstatus: draft\nversion: 1.0.0\nclauses: [12.3.1, 11.1.6]\n---\n${backup}`;

describe('clausewise suggest', () => {
  it('prints the ranked controls of each file with scores and reasons, and exits 0', () => {
    const root = tempWorkspace({ 'backup.md': backup });
    const { code, stdout, stderr } = runCli(['suggest', 'backup.md', '--top', '3'], { cwd: root });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('backup.md');
    expect(lines[1]).toMatch(/^ {3}1\. 12\.3\.1 +0\.\d\d {2}Information backup$/);
    expect(stdout).toContain("heading 'Restore testing' matches element 12.3.1/restore-testing");
    expect(stdout).toMatch(/terms: .*backup/);
    expect(stdout).toMatch(/^ {3}3\. /m);
    expect(stdout).not.toMatch(/^ {3}4\. /m);
  });

  it('marks claimed controls and names claimed controls that rank lower', () => {
    const root = tempWorkspace({ 'backup.md': claimed });
    const { stdout } = runCli(['suggest', 'backup.md', '--top', '2'], { cwd: root });
    expect(stdout).toMatch(/1\. 12\.3\.1 .*Information backup {2}\[claimed\]/);
    expect(stdout).toMatch(/claims 11\.1\.6 too \((rank \d+, score 0\.\d\d|no evidence in the text)\)/);
  });

  it('prints JSON with --format json', () => {
    const root = tempWorkspace({ 'backup.md': claimed, 'other.md': '# Notes\n\nNothing about security here.\n' });
    const { code, stdout } = runCli(['suggest', 'backup.md', 'other.md', '--format', 'json'], { cwd: root });
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.version).toBe(1);
    expect(json.files.map((file: { path: string }) => file.path)).toEqual(['backup.md', 'other.md']);
    expect(json.files[0].suggestions[0]).toMatchObject({ clause: '12.3.1', title: 'Information backup', claimed: true });
    expect(json.files[0].suggestions[0].reasons[0]).toEqual({ kind: 'element-heading', text: "heading 'Backup schedule' matches element 12.3.1/backup-schedule" });
    expect(json.files[0].suggestions).toHaveLength(10);
  });

  it('gives the same output twice', () => {
    const root = tempWorkspace({ 'backup.md': backup });
    expect(runCli(['suggest', 'backup.md', '--format', 'json'], { cwd: root }).stdout).toBe(runCli(['suggest', 'backup.md', '--format', 'json'], { cwd: root }).stdout);
  });

  it.each([
    [[], /suggest needs at least one Markdown file/],
    [['backup.md', '--top', '0'], /--top takes a whole number of 1 or more, not "0"/],
    [['backup.md', '--format', 'xml'], /unknown format "xml"/],
    [['missing.md'], /no such file or folder: missing\.md/],
    [['backup.md', '--bogus'], /Unknown option '--bogus'/],
  ])('exits 2 with one clear line for a usage error: %j', (args, message) => {
    const root = tempWorkspace({ 'backup.md': backup });
    const { code, stdout, stderr } = runCli(['suggest', ...args], { cwd: root });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/^clausewise: /);
  });
});
