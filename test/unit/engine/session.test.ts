import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dependentsOf } from '../../../server/src/engine/dependents';
import { Session } from '../../../server/src/engine/session';
import { fixturesDir, repoRoot } from '../../helpers/paths';
import { checkFolder } from '../../helpers/checkFolder';
import { policyText } from '../../helpers/tempWorkspace';

const today = '2026-12-01';

const copies: string[] = [];
afterAll(() => copies.forEach((root) => rmSync(root, { recursive: true, force: true })));

function copy(folder: string): string {
  const root = mkdtempSync(join(tmpdir(), 'clausewise-pw-'));
  copies.push(root);
  cpSync(join(repoRoot, 'samples', folder), root, { recursive: true });
  return root;
}

/** Loads every document of a folder into a Session, as the language server does at start. */
function load(root: string): Session {
  const workspace = new Session(root, { today, fileExists: (path) => readdirSync(root).some((name) => join(root, name) === path) });
  const paths = readdirSync(root).filter((name) => name.endsWith('.md') && name !== 'README.md').map((name) => join(root, name));
  for (const path of paths) workspace.analyze(path, readFileSync(path, 'utf8'));
  workspace.checkWorkspace(paths);
  return workspace;
}

const summaryOf = (workspace: Session) => workspace.all().map((entry) => ({ path: entry.path, findings: entry.findings }));
const expected = async (root: string, overrides: Record<string, string> = {}) => (await checkFolder(root, overrides, today)).map((file) => ({ path: file.path, findings: file.findings }));

describe('Session', () => {
  it('reports exactly what a full check reports', async () => {
    const root = copy('with-problems');
    expect(summaryOf(load(root))).toEqual(await expected(root));
  });

  it('stays equal to a full check through edits, re-checking only the dependents', async () => {
    const root = copy('with-problems');
    const workspace = load(root);
    const teleworking = join(root, 'teleworking-standard.md');
    const original = readFileSync(teleworking, 'utf8');
    const edits = [
      original.replace('STD-TW-001', 'POL-AC-001'), // resolves remote-support-procedure's related
      original.replace('STD-TW-001', 'STD-BK-002'), // duplicates backup-standard's id
      original.replace('clauses: [6.22]', 'clauses: [11.1.6]'), // conflicts with loading-dock-exclusion's exclusion
      original,
    ];
    for (const text of edits) {
      const change = workspace.analyze(teleworking, text);
      workspace.checkWorkspace([teleworking, ...workspace.dependents(change)]);
      expect(summaryOf(workspace)).toEqual(await expected(root, { [teleworking]: text }));
    }
  });

  it('re-checks the SoA when a document it speaks for changes status', async () => {
    const root = mkdtempSync(join(tmpdir(), 'clausewise-pw-'));
    copies.push(root);
    cpSync(join(fixturesDir, 'rules', 'soa-complete'), root, { recursive: true });
    const workspace = load(root);
    const standard = join(root, 'access-standard.md');
    const soa = join(root, 'statement-of-applicability.md');
    // The SoA says 2.1 is implemented: a draft standard contradicts it, an approved one again does not.
    for (const text of [readFileSync(standard, 'utf8').replace('status: approved', 'status: draft'), readFileSync(standard, 'utf8')]) {
      const change = workspace.analyze(standard, text);
      expect(workspace.dependents(change)).toContain(soa);
      workspace.checkWorkspace([standard, ...workspace.dependents(change)]);
      expect(summaryOf(workspace)).toEqual(await expected(root, { [standard]: text }));
    }
    expect(workspace.get(soa)!.findings).toEqual([]);
  });

  it('keeps the full parse only for documents analysed with keepDocument', () => {
    const root = copy('with-problems');
    const workspace = load(root);
    const path = join(root, 'backup-standard.md');
    expect(workspace.get(path)?.document).toBeUndefined();
    workspace.analyze(path, readFileSync(path, 'utf8'), { keepDocument: true });
    expect(workspace.get(path)?.document?.sections.length).toBeGreaterThan(0);
    workspace.analyze(path, readFileSync(path, 'utf8'));
    expect(workspace.get(path)?.document).toBeUndefined();
  });

  it('given a way to read files, keeps no text of a document adopted without its parse and reads the file when its text is asked for', () => {
    const root = copy('with-problems');
    const reads: string[] = [];
    const readText = (path: string) => (reads.push(path), readFileSync(path, 'utf8'));
    const workspace = new Session(root, { today, fileExists: () => true }, readText);
    const path = join(root, 'backup-standard.md');
    const text = readFileSync(path, 'utf8');
    const analysis = new Session(root, { today, fileExists: () => true });
    analysis.analyze(path, text);
    workspace.fileAnalysis(path, text, analysis.get(path)!.analyzed);
    workspace.checkWorkspace([path]);
    expect(workspace.get(path)!.findings).toEqual(analysis.checkWorkspace([path])[0]!.findings);
    expect(reads).toEqual([]);
    expect(workspace.get(path)!.treeless.text).toBe(text);
    expect(reads).toEqual([path]);
    // What the file holds now, as the editor would read it.
    writeFileSync(path, `${text}\nA line added on disk.\n`);
    expect(workspace.get(path)!.treeless.text).toBe(`${text}\nA line added on disk.\n`);
  });

  it('given a way to read files, keeps of a closed document\'s fixes only their names, and rebuilds them with their edits when asked', async () => {
    const root = copy('with-problems');
    const paths = readdirSync(root).filter((name) => name.endsWith('.md') && name !== 'README.md').map((name) => join(root, name));
    const workspace = new Session(root, { today, fileExists: () => true }, (path) => readFileSync(path, 'utf8'));
    for (const path of paths) workspace.analyze(path, readFileSync(path, 'utf8'));
    workspace.checkWorkspace(paths);
    const full = await expected(root);
    const fixed = full.flatMap(({ findings }) => findings).filter((finding) => finding.fixes.some((fix) => fix.edits.length > 0));
    expect(fixed.length).toBeGreaterThan(0);
    for (const { path, findings } of full) {
      const entry = workspace.get(path)!;
      // The published diagnostics' view: every fix named as the full check names it, none with its edits.
      expect(entry.findings.map((finding) => finding.fixes.map(({ title, automatic }) => ({ title, automatic })))).toEqual(findings.map((finding) => finding.fixes.map(({ title, automatic }) => ({ title, automatic }))));
      expect(entry.findings.flatMap((finding) => finding.fixes).every((fix) => fix.edits.length === 0)).toBe(true);
      expect(workspace.findingsWithFixes(entry)).toEqual(findings);
    }
    // Opened in an editor, a document keeps its fixes whole.
    const opened = fixed[0]!.path;
    workspace.analyze(opened, readFileSync(opened, 'utf8'), { keepDocument: true });
    workspace.checkWorkspace([opened]);
    expect(workspace.get(opened)!.findings).toEqual(full.find(({ path }) => path === opened)!.findings);
  });

  it('reports a config that cannot be used as a DataFileError, once per folder', () => {
    const root = copy('with-problems');
    const workspace = new Session(root, { today, fileExists: () => true });
    writeFileSync(join(root, '.clausewise.yaml'), 'rules: { review-overdue: loud }\n');
    expect(() => workspace.analyze(join(root, 'a.md'), policyText('A'))).toThrow(/review-overdue/);
    expect(workspace.configErrors()).toHaveLength(1);
  });
});

describe('dependentsOf', () => {
  const root = '/ws';
  function workspaceOf(files: Record<string, string>) {
    const workspace = new Session(root, { today, fileExists: () => false });
    for (const [name, text] of Object.entries(files)) workspace.analyze(join(root, name), text);
    return workspace;
  }
  /** A policy; `clauses` in the extra frontmatter replaces the default empty list. */
  const doc = (id: string, extra = '', body?: string) => {
    const text = policyText(id, extra, body);
    return extra.includes('clauses:') ? text.replace('clauses: []\n', '') : text;
  };
  const files = {
    'a.md': doc('POL-A', 'clauses: [12.3.1]\n'),
    'b.md': doc('POL-B', 'related: [POL-A]\n'),
    'c.md': doc('POL-C', 'excludes:\n  - clause: 9.4.2\n    justification: Not applicable to this clinic at all.\n'),
    'd.md': doc('POL-D', '', '# D\n\nSee [a](a.md).\n'),
    'e.md': doc('POL-E', 'related: [POL-Z]\n'),
  };

  it('are the documents naming a changed id, and those with unresolved references', () => {
    const workspace = workspaceOf(files);
    const path = join(root, 'a.md');
    const before = workspace.get(path)!.analyzed.summary;
    const change = workspace.analyze(path, files['a.md'].replace('POL-A', 'POL-Z'));
    expect(dependentsOf(change.set.index, before, change.after).map((p) => p.slice(root.length + 1))).toEqual(['b.md', 'e.md']);
  });

  it('are the documents excluding a control that is newly claimed', () => {
    const workspace = workspaceOf(files);
    const path = join(root, 'a.md');
    const before = workspace.get(path)!.analyzed.summary;
    const change = workspace.analyze(path, files['a.md'].replace('clauses: [12.3.1]', 'clauses: [12.3.1, 9.4.2]'));
    expect(dependentsOf(change.set.index, before, change.after)).toEqual([join(root, 'c.md')]);
  });

  it('include the documents linking to a file that disappears, and nothing when nothing another rule reads changed', () => {
    const workspace = workspaceOf(files);
    const path = join(root, 'a.md');
    const unchanged = workspace.analyze(path, `${files['a.md']}\nMore text.\n`);
    expect(dependentsOf(unchanged.set.index, unchanged.before, unchanged.after)).toEqual([]);
    const removed = workspace.remove(path)!;
    expect(dependentsOf(removed.set.index, removed.before, undefined)).toEqual([join(root, 'b.md'), join(root, 'd.md'), join(root, 'e.md')]);
  });
});
