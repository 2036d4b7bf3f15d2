import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../../../server/src/rules/registry';
import type { OtherDocumentsRead, Rule } from '../../../server/src/rules/types';
import { dependentsOf } from '../../../server/src/engine/dependents';
import { Session } from '../../../server/src/engine/session';
import { fixturesDir } from '../../helpers/paths';
import { policyText, tempWorkspace } from '../../helpers/tempWorkspace';
import { checkFolder } from '../../helpers/checkFolder';

const today = '2026-12-01';
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/**
 * One change to one file that alters what a workspace rule reads of it, and the other document whose
 * finding of that rule must follow: the engine re-checks that document only if the rule declares it.
 */
interface Scenario {
  reads: OtherDocumentsRead;
  files: () => string;
  /** The file changed (written, or created when new). */
  changed: string;
  text: (old: string | undefined) => string;
  watched: string;
  ruleId: string;
  /** Whether the watched document has the rule's finding after the change (it has the opposite before). */
  after: boolean;
}

const exclusion = 'excludes:\n  - clause: 9.4.2\n    justification: The clinic runs no system with its own log-on.\n';

const scenarios: Scenario[] = [
  {
    reads: 'same-id',
    files: () => tempWorkspace({ 'a.md': policyText('POL-A'), 'b.md': policyText('POL-B') }),
    changed: 'b.md',
    text: (old) => old!.replace('POL-B', 'POL-A'),
    watched: 'a.md',
    ruleId: 'duplicate-id',
    after: true,
  },
  {
    reads: 'related-ids',
    files: () => tempWorkspace({ 'a.md': policyText('POL-A', 'related: [POL-Z]\n'), 'b.md': policyText('POL-B') }),
    changed: 'b.md',
    text: (old) => old!.replace('POL-B', 'POL-Z'),
    watched: 'a.md',
    ruleId: 'broken-reference',
    after: false,
  },
  {
    reads: 'link-targets',
    files: () => tempWorkspace({ 'a.md': policyText('POL-A', '', '# Policy\n\nSee [the procedure](y.md).\n') }),
    changed: 'y.md',
    text: () => '# The procedure\n',
    watched: 'a.md',
    ruleId: 'broken-reference',
    after: false,
  },
  {
    reads: 'claims-of-excluded-controls',
    files: () => tempWorkspace({ 'a.md': policyText('POL-A'), 'c.md': policyText('POL-C', exclusion) }),
    changed: 'a.md',
    text: (old) => old!.replace('clauses: []', 'clauses: [9.4.2]'),
    watched: 'c.md',
    ruleId: 'exclusion-invalid',
    after: true,
  },
  {
    reads: 'coverage',
    files: () => {
      const root = tempWorkspace({});
      cpSync(join(fixturesDir, 'rules', 'soa-complete'), root, { recursive: true });
      return root;
    },
    changed: 'access-standard.md',
    // The SoA marks 2.1 implemented: a draft standard no longer bears that out.
    text: (old) => old!.replace('status: approved', 'status: draft'),
    watched: 'statement-of-applicability.md',
    ruleId: 'soa-incomplete',
    after: true,
  },
];

/** Loads a folder as the language server does at start: every document analysed, then the workspace rules. */
function load(root: string): Session {
  const workspace = new Session(root, { today, fileExists: existsSync });
  const paths = readdirSync(root).filter((name) => name.endsWith('.md')).map((name) => join(root, name));
  for (const path of paths) workspace.analyze(path, readFileSync(path, 'utf8'));
  workspace.checkWorkspace(paths);
  return workspace;
}

const findingsOf = (workspace: Session) => workspace.all().map((entry) => ({ path: entry.path, findings: entry.findings }));
const hasFinding = (workspace: Session, path: string, ruleId: string) => workspace.get(path)!.findings.some((finding) => finding.ruleId === ruleId);
const without = (read: OtherDocumentsRead): Rule[] => rules.map((rule) => (rule.workspace ? { ...rule, reads: rule.reads.filter((other) => other !== read) } : rule));

describe('what the workspace rules declare they read of other documents', () => {
  it('has a scenario below for every kind a rule declares', () => {
    const declared = new Set(rules.flatMap((rule) => (rule.workspace ? rule.reads : [])));
    expect([...declared].sort()).toEqual(scenarios.map((scenario) => scenario.reads).sort());
  });

  for (const scenario of scenarios) {
    it(`${scenario.reads}: a change to ${scenario.changed} updates ${scenario.ruleId} in ${scenario.watched}, as a full check finds`, async () => {
      const root = scenario.files();
      roots.push(root);
      const workspace = load(root);
      const changed = join(root, scenario.changed);
      const watched = join(root, scenario.watched);
      expect(hasFinding(workspace, watched, scenario.ruleId)).toBe(!scenario.after);

      const text = scenario.text(existsSync(changed) ? readFileSync(changed, 'utf8') : undefined);
      writeFileSync(changed, text);
      const change = workspace.analyze(changed, text);
      const dependents = workspace.dependents(change);
      workspace.checkWorkspace([changed, ...dependents]);

      expect(hasFinding(workspace, watched, scenario.ruleId)).toBe(scenario.after);
      expect(findingsOf(workspace)).toEqual((await checkFolder(root, {}, today)).map((file) => ({ path: file.path, findings: file.findings })));
      // The declaration is what brings the watched document back: without it, it would keep its stale findings.
      expect(dependents).toContain(watched);
      expect(dependentsOf(change.set.index, change.before, change.after, change.set.config.root, without(scenario.reads))).not.toContain(watched);
    });
  }
});
