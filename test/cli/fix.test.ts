import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { fixFiles } from '../../server/src/cli/fix';
import { fixturesDir } from '../helpers/paths';
import { runCli } from '../helpers/run';
import { policyText, tempWorkspace } from '../helpers/tempWorkspace';

const teleworking = readFileSync(join(__dirname, '..', '..', 'samples', 'with-problems', 'teleworking-standard.md'), 'utf8');
const backup = readFileSync(join(__dirname, '..', '..', 'samples', 'with-problems', 'backup-standard.md'), 'utf8');

describe('clausewise check --fix', () => {
  it('applies the automatic fixes, writes the files, reports what remains, and changes nothing the second time', () => {
    const root = tempWorkspace({ 'teleworking.md': teleworking, 'backup.md': backup });
    chmodSync(join(root, 'backup.md'), 0o640);
    const first = runCli(['check', '.', '--fix', '--today', '2026-12-01'], { cwd: root });
    expect(first.stderr).toContain('clausewise: fixed teleworking.md (1 fix)');
    expect(first.stderr).toContain('clausewise: fixed backup.md (1 fix)');
    expect(readFileSync(join(root, 'teleworking.md'), 'utf8')).toBe(teleworking.replace('clauses: [6.22]', 'clauses: [6.2.2]'));
    const fixedBackup = readFileSync(join(root, 'backup.md'), 'utf8');
    expect(fixedBackup.startsWith(backup)).toBe(true);
    expect(fixedBackup.slice(backup.length)).toBe('\n## Restore testing\n\nTODO: Say how often restores are tested, for which systems, who signs off and where the results are recorded.\n');
    expect(statSync(join(root, 'backup.md')).mode & 0o777).toBe(0o640);
    // What remains: the inserted section still needs writing.
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/backup\.md:\d+:1 +error +12\.3\.1 Information backup: 1 element has no text yet — Restore testing +empty-element/);
    const second = runCli(['check', '.', '--fix', '--today', '2026-12-01'], { cwd: root });
    expect(second.stderr).not.toContain('fixed');
    expect(readFileSync(join(root, 'backup.md'), 'utf8')).toBe(fixedBackup);
    expect(readFileSync(join(root, 'teleworking.md'), 'utf8')).toBe(teleworking.replace('clauses: [6.22]', 'clauses: [6.2.2]'));
  });

  it('never leaves more problems than it found: a control missing 3 elements is one error before and one after (its sections to write)', () => {
    const text = policyText('POL-LO', '', '# Log-on\n\n## Session time-out\n\nIdle sessions lock after 15 minutes.\n').replace('clauses: []', 'clauses: [9.4.2]');
    const root = tempWorkspace({ 'log-on.md': text });
    const count = () => JSON.parse(runCli(['check', '.', '--format', 'json', '--today', '2026-12-01'], { cwd: root }).stdout).files.flatMap((file: { findings: { ruleId: string; message: string }[] }) => file.findings);
    const before = count();
    expect(before.map((finding: { ruleId: string }) => finding.ruleId)).toEqual(['missing-element']);
    const fixed = runCli(['check', '.', '--fix', '--today', '2026-12-01'], { cwd: root });
    expect(readFileSync(join(root, 'log-on.md'), 'utf8').match(/^## .*$/gm)).toEqual(['## Session time-out', '## Multi-factor authentication', '## Failed log-on attempts', '## Log-on banner']);
    const after = count();
    expect(after.length).toBeLessThanOrEqual(before.length);
    expect(after.map((finding: { ruleId: string; message: string }) => `${finding.ruleId} ${finding.message}`)).toEqual([
      'empty-element 9.4.2 Secure log-on procedures: 3 elements have no text yet — Multi-factor authentication, Failed log-on attempts, Log-on banner',
    ]);
    expect(fixed.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings\)/);
  });

  it('keeps CRLF line endings and a byte-order mark', () => {
    const crlf = `\uFEFF${policyText('POL-1', '', '# P\n\nText.\n').replace('clauses: []', 'clauses: [12.42]')}`.replace(/\n/g, '\r\n');
    const root = tempWorkspace({ 'p.md': crlf });
    runCli(['check', '.', '--fix', '--today', '2026-12-01'], { cwd: root });
    const fixed = readFileSync(join(root, 'p.md'), 'utf8');
    expect(fixed.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(fixed).toContain('clauses: [12.4.2]\r\n');
    expect(fixed.replace(/\r\n/g, '')).not.toContain('\n');
    expect(fixed).toContain('## Log integrity\r\n\r\nTODO:');
  });

  it('never writes a file that changed on disk while it was being fixed', async () => {
    const root = tempWorkspace({ 'teleworking.md': teleworking });
    const path = join(root, 'teleworking.md');
    let changed = false;
    const outcome = await fixFiles([path], {
      cwd: root,
      today: '2026-12-01',
      parallel: false,
      onProgress: () => {
        if (changed) return;
        changed = true;
        writeFileSync(path, `${teleworking}\nEdited by someone else.\n`);
      },
    }, [root]);
    expect(outcome.refused).toEqual([{ path, reason: expect.stringMatching(/changed on disk/) }]);
    expect(outcome.written).toEqual([]);
    expect(readFileSync(path, 'utf8')).toBe(`${teleworking}\nEdited by someone else.\n`);
  });

  it('leaves no temporary files behind', () => {
    const root = tempWorkspace({ 'teleworking.md': teleworking });
    runCli(['check', '.', '--fix', '--today', '2026-12-01'], { cwd: root });
    expect(require('node:fs').readdirSync(root)).toEqual(['teleworking.md']);
  });

  it("adds the missing keys inside a comply header, above its --- line, where comply still reads them", () => {
    const original = readFileSync(join(fixturesDir, 'comply', 'workstation.md'), 'utf8');
    const root = tempWorkspace({ '.clausewise.yaml': 'include: ["*.md"]\n', 'workstation.md': original });
    const before = runCli(['check'], { cwd: root });
    expect(before.stdout).toMatch(/workstation\.md:1:1 +error +frontmatter has no "id", "type", "owner", "status", "version" or "clauses"; every policy document needs them/);
    // comply's own keys are not unknown keys there.
    expect(before.stdout).not.toContain('unknown key');
    runCli(['check', '--fix'], { cwd: root });
    const fixed = readFileSync(join(root, 'workstation.md'), 'utf8');
    const end = original.indexOf('---\n');
    // Only insertions, just above the --- line: comply's lines and the body are kept byte for byte.
    expect(fixed.slice(0, end)).toBe(original.slice(0, end));
    expect(fixed.slice(fixed.indexOf('---\n'))).toBe(original.slice(end));
    // comply's name is the title: no title key is asked for.
    expect(fixed.slice(end, fixed.indexOf('---\n'))).toBe('id: WORKSTATION\ntype: policy\nowner: TODO\nstatus: draft\nversion: 0.1.0\nclauses: []\n');
    // comply reads everything before the first "---" as its YAML.
    expect(parseYaml(fixed.split('---')[0]!)).toMatchObject({ name: 'Workstation Policy', acronym: 'WP', id: 'WORKSTATION' });
    expect(runCli(['check'], { cwd: root }).stdout).toContain('no problems');
  });

  describe('is checked before it is written', () => {
    // A policy claiming 9.2.5 with one required key missing: the key can be added; where the body
    // ends inside an unclosed block, a section appended at the end would land inside it.
    const unclosed = (name: string, ending: string) =>
      `---\nid: ${name.toUpperCase()}\ntitle: ${name}\ntype: policy\nstatus: draft\nversion: 1.0.0\nclauses: [9.2.5]\n---\n# ${name}\n\nSome text.\n\n${ending}`;

    it.each([
      ['an unclosed code fence', 'fence.md', '```\ncode, never closed\n'],
      ['an unclosed HTML comment', 'comment.md', '<!-- a note\nstill the note\n'],
    ])('leaves a body that ends in %s as it is, and a second run changes nothing', (_what, name, ending) => {
      const original = unclosed(name.replace('.md', ''), ending);
      const root = tempWorkspace({ [name]: original });
      const first = runCli(['check', '.', '--fix', '--today', '2026-12-01'], { cwd: root });
      const fixed = readFileSync(join(root, name), 'utf8');
      // The frontmatter fix is applied; nothing is appended inside the block the user left open.
      expect(fixed).toBe(original.replace('clauses: [9.2.5]\n', 'clauses: [9.2.5]\nowner: TODO\n'));
      expect(first.stderr).toContain(`clausewise: fixed ${name} (1 fix)`);
      // The missing sections remain findings, and are not offered as fixes that would do nothing.
      expect(first.stdout).toMatch(/error +9\.2\.5 Review of user access rights: 4 of 4 elements not found — .*Access reviewers.*No fix: the document ends inside/);
      expect(first.stdout).not.toContain('fixable with --fix');
      const second = runCli(['check', '.', '--fix', '--today', '2026-12-01'], { cwd: root });
      expect(second.stderr).not.toContain('fixed');
      expect(readFileSync(join(root, name), 'utf8')).toBe(fixed);
      expect(second.stdout).toBe(first.stdout);
    });

    it.each([
      ['flow-style', '{id: F1, title: Flow, clauses: [9.2.5]}', /^\{id: F1, title: Flow, clauses: \[9\.2\.5\], type: policy, owner: TODO, status: draft, version: 0\.1\.0\}$/],
      ['JSON', '{"id": "F2", "title": "Json", "clauses": ["9.2.5"]}', /^\{"id": "F2", "title": "Json", "clauses": \["9\.2\.5"\], "type": "policy", "owner": "TODO", "status": "draft", "version": "0\.1\.0"\}$/],
    ])('adds keys to %s frontmatter in its own style; fixed twice, the second run changes nothing and it stays a valid policy', (_style, mapping, expected) => {
      const original = `---\n${mapping}\n---\n# Policy\n\nText.\n`;
      const root = tempWorkspace({ 'p.md': original });
      const first = runCli(['check', '.', '--fix', '--today', '2026-12-01'], { cwd: root });
      expect(first.stderr).toContain('clausewise: fixed p.md');
      const fixed = readFileSync(join(root, 'p.md'), 'utf8');
      const [, frontmatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(fixed)!;
      expect(frontmatter).toMatch(expected);
      // Every value the author wrote is still there, and the added keys parse.
      expect(parseYaml(frontmatter!)).toMatchObject({ ...parseYaml(mapping), type: 'policy', owner: 'TODO', status: 'draft', version: '0.1.0' });
      // The missing sections of 9.2.5 were inserted after the author's text.
      expect(body!.startsWith('# Policy\n\nText.\n\n## Access review frequency\n')).toBe(true);
      // Still a policy: its remaining findings (the sections to write) are reported, not "no problems".
      expect(first.stdout).toMatch(/p\.md:\d+:1 +error +9\.2\.5 Review of user access rights: 4 elements have no text yet — Access review frequency, /);
      const second = runCli(['check', '.', '--fix', '--today', '2026-12-01'], { cwd: root });
      expect(second.stderr).not.toContain('fixed');
      expect(readFileSync(join(root, 'p.md'), 'utf8')).toBe(fixed);
      expect(second.stdout).toBe(first.stdout);
    });

    it('adds a missing clauses key but never claims the clause the body cites: that is the author’s decision', () => {
      const original = '---\nid: D1\ntitle: D\ntype: policy\nowner: CISO\nstatus: draft\nversion: 1.0.0\n---\n# D\n\nSee ISO 27799 9.2.5.\n';
      const root = tempWorkspace({ '.clausewise.yaml': 'include: ["*.md"]\n', 'd.md': original });
      const first = runCli(['check', '.', '--fix', '--today', '2026-12-01'], { cwd: root });
      expect(readFileSync(join(root, 'd.md'), 'utf8')).toBe(original.replace('version: 1.0.0\n', 'version: 1.0.0\nclauses: []\n'));
      expect(first.stdout).toMatch(/warning +the text cites 9\.2\.5 Review of user access rights, but the frontmatter does not claim it/);
      const second = runCli(['check', '.', '--fix', '--today', '2026-12-01'], { cwd: root });
      expect(second.stderr).not.toContain('fixed');
    });

    it('renames a misspelt required key instead of adding it a second time', () => {
      const original = policyText('POL-1').replace('status: draft', 'stauts: draft');
      const root = tempWorkspace({ 'p.md': original });
      const first = runCli(['check', '.', '--fix', '--today', '2026-12-01'], { cwd: root });
      expect(readFileSync(join(root, 'p.md'), 'utf8')).toBe(policyText('POL-1'));
      expect(first.stdout).toContain('no problems');
    });

    it('still checks a document whose flow or JSON frontmatter no longer parses, instead of reporting no problems', () => {
      const root = tempWorkspace({
        'flow.md': '---\n{id: F1, title: Flow, clauses: [9.2.5]}\nowner: TODO\n---\n# Flow\n',
        'json.md': '---\n{"id": "F2",\n "clauses": ["9.2.5"]\nowner: TODO\n---\n# Json\n',
      });
      const result = runCli(['check', '.', '--today', '2026-12-01'], { cwd: root });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/flow\.md:\d+:\d+ +error +frontmatter YAML: .*frontmatter-syntax/);
      expect(result.stdout).toMatch(/json\.md:\d+:\d+ +error +frontmatter YAML: .*frontmatter-syntax/);
    });
  });
});

