import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { GitRepo } from '../helpers/gitRepo';
import { policy } from '../helpers/tempWorkspace';
import { repoRoot } from '../helpers/paths';
import { runCli } from '../helpers/run';

const TODAY = ['--today', '2026-06-01'];
const reviewBody = (extra = '') => `# Access\n\n## Access review frequency\n\nAccess is reviewed quarterly by each system owner.\n\n## Access reviewers\n\nSystem owners review access and the CISO signs off.\n${extra}`;

function diffJson(repo: GitRepo, args: string[] = [], stderr = '') {
  const result = runCli(['diff', '--format', 'json', ...TODAY, ...args], { cwd: repo.root });
  expect(result.stderr).toBe(stderr);
  return { ...result, report: JSON.parse(result.stdout) };
}

const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(repoRoot, 'controls/schema/diff-report.schema.json'), 'utf8')));

describe('clausewise diff', () => {
  it('reports documents added, removed and renamed with edits, claims changed and an element dropped; the JSON fits the shipped schema', () => {
    const repo = new GitRepo({
      'policies/access.md': policy({ id: 'POL-AC', clauses: '[9.2.5]' }, reviewBody()),
      'policies/old.md': policy({ id: 'POL-OLD', clauses: '[5.1.1]' }, '# Old\n\nText.\n'),
      'policies/moved.md': policy({ id: 'POL-MV', clauses: '[6.1.1]' }, `# Roles\n\n${'Roles and responsibilities are written down for each system. '.repeat(12)}\n`),
    });
    repo.commit('base');
    repo.git('checkout', '-q', '-b', 'change');
    repo.remove('policies/old.md');
    repo.git('mv', 'policies/moved.md', 'policies/roles.md');
    repo.write({
      'policies/roles.md': policy({ id: 'POL-MV', clauses: '[6.1.1]' }, `# Roles\n\n${'Roles and responsibilities are written down for each system. '.repeat(12)}\nOne more line.\n`),
      'policies/access.md': policy({ id: 'POL-AC', clauses: '[9.2.5, 9.2.6]' }, '# Access\n\n## Access reviewers\n\nSystem owners review access and the CISO signs off.\n'),
      'policies/new.md': policy({ id: 'POL-NEW', title: 'Information security policy', owner: 'Board', clauses: '[5.1.1, 5.1.2]' }, '# Information security\n\nThe board sets the direction of information security.\n'),
    });
    repo.commit('change');

    const { code, report } = diffJson(repo);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    const byPath = Object.fromEntries(report.documents.map((document: { path: string }) => [document.path, document]));
    expect(Object.keys(byPath).sort()).toEqual(['policies/access.md', 'policies/new.md', 'policies/old.md', 'policies/roles.md']);
    expect(byPath['policies/new.md'].change).toBe('added');
    expect(byPath['policies/old.md'].change).toBe('removed');
    expect(byPath['policies/roles.md']).toMatchObject({ change: 'renamed', from: 'policies/moved.md' });
    expect(byPath['policies/access.md']).toMatchObject({ change: 'modified', clausesAdded: ['9.2.6'], clausesRemoved: [] });
    expect(byPath['policies/access.md'].elements).toContainEqual(expect.objectContaining({ clause: '9.2.5', element: 'access-review-frequency', title: 'Access review frequency', after: 'missing' }));
    expect(report.summary).toMatchObject({ documentsAdded: 1, documentsRemoved: 1, documentsRenamed: 1, documentsModified: 1 });
    // The dropped element is a new missing-element finding; the renamed document's findings are not new.
    const dropped = report.findings.new.find((finding: { ruleId: string; path: string }) => finding.ruleId === 'missing-element' && finding.path === 'policies/access.md');
    expect(dropped?.elements).toContainEqual({ id: 'access-review-frequency', title: 'Access review frequency' });
    expect(report.findings.new.filter((finding: { path: string }) => finding.path === 'policies/roles.md')).toEqual([]);
    expect(code).toBe(1);
  });

  it('matches a control\'s empty-element finding element by element: writing one of its sections is not new, emptying another is', () => {
    const body = (above: string, frequency: string, process: string) =>
      `# Access\n\n${above}## Access review frequency\n\n${frequency}\n\n## Access reviewers\n\nTODO\n\n## Access review process\n\n${process}\n\n## Access review records\n\nEach review is kept as a signed record for six years.\n`;
    const filled = 'Access is reviewed quarterly.';
    const process = 'Owners compare each account with the staff list and remove what is no longer needed.';
    const repo = new GitRepo({ 'access.md': policy({ id: 'POL-AC', clauses: '[9.2.5]' }, body('', 'TODO', process)) });
    repo.commit('base: two empty sections');
    const newEmpty = () => diffJson(repo, ['--base', 'HEAD']).report.findings.new.filter((finding: { ruleId: string }) => finding.ruleId === 'empty-element');
    // A paragraph above moves every line and one section is written: the control's finding (now naming one element) is not new.
    repo.write({ 'access.md': policy({ id: 'POL-AC', clauses: '[9.2.5]' }, body('A new opening paragraph.\n\n', filled, process)) });
    expect(newEmpty()).toEqual([]);
    // Another section emptied: the finding is new, for that element.
    repo.write({ 'access.md': policy({ id: 'POL-AC', clauses: '[9.2.5]' }, body('', filled, 'TBD')) });
    expect(newEmpty()).toEqual([expect.objectContaining({ clause: '9.2.5', elements: [{ id: 'access-reviewers', title: 'Access reviewers' }, { id: 'access-review-process', title: 'Access review process' }] })]);
  });

  it('--format github and gitlab carry only the findings the change brings', () => {
    const repo = new GitRepo({ 'old.md': policy({ id: 'OLD', related: '[NOWHERE]' }, '# Old\n\nText.\n') });
    repo.commit('base');
    repo.write({ 'new.md': policy({ id: 'NEW', related: '[ELSEWHERE]' }, '# New\n\nText.\n') });
    const github = runCli(['diff', '--base', 'HEAD', '--format', 'github', ...TODAY], { cwd: repo.root });
    expect(github.stdout).toBe('::error file=new.md,line=9,col=11,title=clausewise broken-reference::related names "ELSEWHERE", which is not the id of any policy document; check the id or remove it\n');
    expect(github.code).toBe(1);
    const gitlab = JSON.parse(runCli(['diff', '--base', 'HEAD', '--format', 'gitlab', ...TODAY], { cwd: repo.root }).stdout);
    expect(gitlab).toEqual([expect.objectContaining({ check_name: 'broken-reference', severity: 'major', location: { path: 'new.md', lines: { begin: 9 } } })]);
  });

  it('compares with the merge base by default: a merge commit from main brings none of main\'s documents into the report', () => {
    const repo = new GitRepo({ 'a.md': policy({ id: 'A', clauses: '[5.1.1]' }, '# A\n\nText.\n') });
    repo.commit('base');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write({ 'b.md': policy({ id: 'B', clauses: '[5.1.2]' }, '# B\n\nText.\n') }).commit('feature');
    repo.git('checkout', '-q', 'main');
    repo.write({ 'c.md': policy({ id: 'C', clauses: '[6.1.1]' }, '# C\n\nText.\n') }).commit('main moves on');
    repo.git('checkout', '-q', 'feature');
    repo.git('merge', '-q', '--no-edit', 'main');
    expect(repo.git('rev-list', '--parents', '-n', '1', 'HEAD').trim().split(' ')).toHaveLength(3);

    const { report } = diffJson(repo);
    expect(report.base.ref).toBe('merge base with main');
    expect(report.documents.map((document: { path: string; change: string }) => [document.path, document.change])).toEqual([['b.md', 'added']]);
    expect(diffJson(repo, ['--base', 'main', '--head', 'HEAD']).report.documents.map((document: { path: string }) => document.path)).toEqual(['b.md']);
  });

  it('in a shallow clone without the base, says what to fetch and exits 2', () => {
    const repo = new GitRepo({ 'a.md': policy({ id: 'A', clauses: '[5.1.1]' }, '# A\n\nText.\n') });
    const first = repo.commit('one');
    repo.write({ 'b.md': policy({ id: 'B', clauses: '[5.1.2]' }, '# B\n\nText.\n') }).commit('two');
    const clone = GitRepo.clone(repo, '--depth', '1').root;
    const missing = runCli(['diff', '--base', first], { cwd: clone });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`--base ${first} is not in this shallow clone`);
    expect(missing.stderr).toContain(`git fetch origin ${first}`);
    const noMergeBase = runCli(['diff', '--base', 'origin/main~1'], { cwd: clone });
    expect(noMergeBase.code).toBe(2);
    expect(noMergeBase.stderr).toContain('shallow clone');
    // Deep enough to hold the base: it works.
    const deeper = GitRepo.clone(repo, '--depth', '2').root;
    const present = runCli(['diff', '--base', first, '--format', 'json', ...TODAY], { cwd: deeper });
    // b.md's missing elements are new errors: exit 1, not a git error.
    expect([present.code, present.stderr]).toEqual([1, '']);
    expect(JSON.parse(present.stdout).documents.map((document: { path: string; change: string }) => [document.path, document.change])).toEqual([['b.md', 'added']]);
  });

  it('reads the base with the head\'s configuration when the base\'s .clausewise.yaml is broken, and says so', () => {
    const repo = new GitRepo({ '.clausewise.yaml': 'include: [policies/*.md\n', 'policies/a.md': policy({ id: 'A', clauses: '[5.1.1]' }, '# A\n\nText.\n') });
    repo.commit('base with a broken config');
    repo.write({ '.clausewise.yaml': 'include: ["policies/*.md"]\n', 'policies/b.md': policy({ id: 'B', clauses: '[5.1.2]' }, '# B\n\nText.\n') }).commit('mend');
    const result = runCli(['diff', '--base', 'HEAD~1', '--format', 'json', ...TODAY], { cwd: repo.root });
    expect(result.stderr).toMatch(/The base's config cannot be used \(HEAD~1:\.clausewise\.yaml:\d+:\d+: /);
    const report = JSON.parse(result.stdout);
    expect(report.notes[0]).toContain("checked with the head's configuration");
    expect(report.documents.map((document: { path: string; change: string }) => [document.path, document.change])).toEqual([['policies/b.md', 'added']]);
  });

  it('--catalog takes a built-in catalog name on both sides, as check does', () => {
    const repo = new GitRepo({ 'a.md': policy({ id: 'A', clauses: '[5.15]' }, '# A\n\nText.\n') });
    repo.commit('base');
    repo.write({ 'b.md': policy({ id: 'B', clauses: '[8.13]' }, '# B\n\nText.\n') });
    const { code, report } = diffJson(repo, ['--base', 'HEAD', '--catalog', 'iso27002-2022']);
    expect(report.documents.map((document: { path: string; change: string }) => [document.path, document.change])).toEqual([['b.md', 'added']]);
    // 5.15 and 8.13 are controls of ISO/IEC 27002:2022, not of ISO 27799: no side reads them as unknown.
    expect([...report.findings.new, ...report.findings.resolved].filter((finding: { ruleId: string }) => finding.ruleId === 'unknown-clause')).toEqual([]);
    expect(code).toBe(1);
  });

  it('refuses a ref that looks like an option, and a folder outside git, with exit 2', () => {
    const repo = new GitRepo({ 'a.md': policy({ id: 'A' }, '# A\n') });
    repo.commit('one');
    const option = runCli(['diff', '--base=--output=/tmp/x'], { cwd: repo.root });
    expect([option.code, option.stderr]).toEqual([2, expect.stringContaining('is not a revision')]);
    const unknown = runCli(['diff', '--base', 'no-such-branch'], { cwd: repo.root });
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('names no commit')]);
    const outside = runCli(['diff'], { cwd: mkdtempSync(join(tmpdir(), 'clausewise-nogit-')) });
    expect([outside.code, outside.stderr]).toEqual([2, expect.stringContaining('not inside a git work tree')]);
  });

  it('handles file names with spaces, newlines and leading dashes, and never follows a symbolic link blob', () => {
    const repo = new GitRepo({ '-rf policy.md': policy({ id: 'DASH', clauses: '[5.1.1]' }, '# Dash\n\nText.\n'), 'line\nbreak.md': policy({ id: 'NL', clauses: '[5.1.2]' }, '# NL\n\nText.\n') });
    repo.commit('base');
    const outside = join(mkdtempSync(join(tmpdir(), 'clausewise-outside-')), 'secret.md');
    writeFileSync(outside, policy({ id: 'SECRET', clauses: '[5.1.1]' }, '# Secret\n'));
    symlinkSync(outside, repo.path('linked.md'));
    repo.git('mv', '--', '-rf policy.md', '-- renamed policy.md');
    repo.write({ 'line\nbreak.md': policy({ id: 'NL', clauses: '[5.1.2, 6.1.1]' }, '# NL\n\nText.\n') }).commit('change');
    const expected = [
      ['-- renamed policy.md', 'renamed', '-rf policy.md'],
      ['line\nbreak.md', 'modified', undefined],
    ];
    const documents = (report: { documents: { path: string; change: string; from?: string }[] }) => report.documents.map((document) => [document.path, document.change, document.from]);
    // Both sides read through git: the link's blob is never taken for the file it names.
    expect(documents(diffJson(repo, ['--base', 'HEAD~1', '--head', 'HEAD']).report)).toEqual(expected);
    // The work tree's walk says it does not follow the link either.
    const { report } = diffJson(repo, ['--base', 'HEAD~1'], `clausewise: ${repo.path('linked.md')}: symbolic link to ${outside}, outside ${repo.root}; not followed (skipped)\n`);
    expect(documents(report)).toEqual(expected);
  });
});

describe('clausewise diff reads no more of a revision than check reads of a disk', () => {
  it('a base blob over the document limit is never read: it is an unreadable-file finding there, resolved when the file goes', () => {
    const repo = new GitRepo({ 'big.md': policy({ id: 'BIG', clauses: '[5.1.1]' }, `# Big\n\n${'A line of policy text that repeats.\n'.repeat(70_000)}`) });
    repo.commit('a 2.4 MB policy');
    repo.remove('big.md');
    const { report } = diffJson(repo, ['--base', 'HEAD']);
    expect(report.findings.resolved).toEqual([expect.objectContaining({ ruleId: 'unreadable-file', path: 'big.md', message: expect.stringContaining('larger than the 2 MB Clausewise reads') })]);
  });
});

describe('clausewise diff --format markdown', () => {
  it('reports a scripted change to a copy of samples/ as a pull-request comment', async () => {
    const repo = new GitRepo({}, { copy: { samples: join(repoRoot, 'samples') } });
    repo.commit('the sample policy set');
    repo.git('checkout', '-q', '-b', 'change');
    // An approved policy loses a section, with no new version or approval.
    const access = readFileSync(repo.path('samples/access-control-policy.md'), 'utf8');
    repo.write({ 'samples/access-control-policy.md': access.replace(/### Default credentials\n[^]*?(?=\n##)/, '') });
    // Another drops a claim the proper way: new version, new effective date.
    const physical = readFileSync(repo.path('samples/physical-security-policy.md'), 'utf8');
    repo.write({ 'samples/physical-security-policy.md': physical.replace('11.1.5, 11.1.6]', '11.1.5]').replace('version: 3.1.0', 'version: 3.2.0').replace('effective: 2025-11-01', 'effective: 2026-05-01') });
    // A new draft policy.
    repo.write({ 'samples/clinical-photography-policy.md': policy({ id: 'POL-CP-001', title: 'Clinical Photography Policy', clauses: '[8.2.3]', related: '[POL-AC-001]' }, '# Clinical Photography\n\nPhotographs of patients are taken only on hospital devices and stored in the record.\n') });
    repo.commit('change');

    const result = runCli(['diff', 'samples', '--today', '2026-10-01', '--link-base', 'https://git.example.org/lvh/policies/blob/HEAD/'], { cwd: repo.root });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    await expect(result.stdout).toMatchFileSnapshot('__snapshots__/diff-samples.md');
  });
});

describe('clausewise diff on a set large enough for the checking threads', () => {
  it('checks the base with the base\'s config on every thread, not the work tree\'s', () => {
    const files: Record<string, string> = { '.clausewise.yaml': 'rules:\n  missing-element: "off"\n' };
    for (let index = 0; index < 160; index++) files[`policies/p${index}.md`] = policy({ id: `POL-${index}`, clauses: '[9.2.5]' }, '# Access\n\nText.\n');
    const repo = new GitRepo(files);
    repo.commit('base: elements not checked');
    repo.write({ '.clausewise.yaml': 'rules: {}\n' });
    const { report } = diffJson(repo, ['--base', 'HEAD']);
    // Every document now has missing elements: new findings, none of them at the base.
    const missing = report.findings.new.filter((finding: { ruleId: string }) => finding.ruleId === 'missing-element');
    expect(new Set(missing.map((finding: { path: string }) => finding.path)).size).toBe(160);
    expect(report.findings.resolved).toEqual([]);
  });
});
