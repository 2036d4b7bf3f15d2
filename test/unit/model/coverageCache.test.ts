import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../server/src/catalog/load';
import { defaultConfig } from '../../../server/src/config/load';
import { computeCoverage } from '../../../server/src/model/coverage';
import { PolicySet } from '../../../server/src/engine/policySet';
import { policyText } from '../../helpers/tempWorkspace';

const catalog = loadCatalog();
const today = '2026-06-01';
const approved = 'status: approved\napproved-by: Board\neffective: 2026-01-01\nlast-reviewed: 2026-01-01\n';
const backupBody = '# Backup\n\n## Backup scope\n\nAll clinical systems.\n\n## Backup schedule\n\nNightly.\n\n## Backup storage\n\nEncrypted, off-site.\n\n## Backup retention\n\n90 days.\n\n## Restore testing\n\nQuarterly restores of the EHR.\n';

function doc(id: string, frontmatter: string, body = backupBody): string {
  return policyText(id, frontmatter, body).replace('clauses: []\n', '').replace('status: draft\n', '');
}

function workspace(): PolicySet {
  const policies = new PolicySet(defaultConfig('/ws'), catalog);
  policies.add('/ws/a.md', doc('POL-A', `${approved}clauses: [12.3.1]\n`));
  policies.add('/ws/b.md', doc('POL-B', 'status: draft\nclauses: [9.4.2]\nexcludes:\n  - clause: 11.1.6\n    justification: There is no loading area at this clinic.\n'));
  policies.add('/ws/c.md', '# Notes\n');
  return policies;
}

const fresh = (policies: PolicySet, on = today) => computeCoverage(policies.index, catalog, policies.config, on);

describe("a policy set's cached coverage", () => {
  it('equals a fresh computation through edits, removals and a new date', () => {
    const policies = workspace();
    expect(policies.coverage.report(today).report).toEqual(fresh(policies));
    policies.add('/ws/a.md', doc('POL-A', 'status: draft\nclauses: [12.3.1, 9.4.2]\n'));
    expect(policies.coverage.report(today).report).toEqual(fresh(policies));
    expect(policies.coverage.control(catalog.control('9.4.2')!, today)).toEqual(fresh(policies).controls.find((control) => control.id === '9.4.2'));
    policies.index.delete('/ws/b.md');
    expect(policies.coverage.report(today).report).toEqual(fresh(policies));
    // A year on, the approved document is overdue: the date is part of what is cached.
    policies.add('/ws/a.md', doc('POL-A', `${approved}clauses: [12.3.1]\n`));
    expect(policies.coverage.report('2027-06-01').report).toEqual(fresh(policies, '2027-06-01'));
    expect(policies.coverage.report('2027-06-01').report.controls.find((control) => control.id === '12.3.1')!.state).toBe('partial');
  });

  it('gets a new generation when coverage changed, and keeps it when an edit left coverage as it was', () => {
    const policies = workspace();
    const first = policies.coverage.report(today).generation;
    // Body text no element depends on: the document is analysed again, its coverage is the same.
    policies.add('/ws/a.md', doc('POL-A', `${approved}clauses: [12.3.1]\n`, `${backupBody}\nContact the service desk with questions.\n`));
    policies.add('/ws/c.md', '# Notes, edited\n');
    expect(policies.coverage.report(today).generation).toBe(first);
    // An element goes missing: 12.3.1 is no longer covered.
    policies.add('/ws/a.md', doc('POL-A', `${approved}clauses: [12.3.1]\n`, backupBody.replace('## Backup retention\n\n90 days.\n\n', '')));
    const second = policies.coverage.report(today);
    expect(second.generation).toBeGreaterThan(first);
    expect(second.report.controls.find((control) => control.id === '12.3.1')!.claims[0]!.missing).toEqual(['backup-retention']);
    expect(policies.coverage.report(today).generation).toBe(second.generation);
  });

  it('gets a new generation when what the Documents view lists of a document changes, though coverage did not', () => {
    const policies = workspace();
    const first = policies.coverage.report(today);
    // A new owner and type: the Documents view shows and groups by both; the coverage report has neither for a claim.
    policies.add('/ws/a.md', doc('POL-A', `${approved}clauses: [12.3.1]\n`).replace('owner: CISO', 'owner: Privacy Officer').replace('type: policy', 'type: procedure'));
    const second = policies.coverage.report(today);
    expect(second.report).toEqual(first.report);
    expect(second.generation).toBeGreaterThan(first.generation);
  });
});

describe('the index of policies in path order', () => {
  it('stays in path order through additions, replacements, removals and documents that stop being policies', () => {
    const policies = new PolicySet(defaultConfig('/ws'), catalog);
    const order = () => policies.index.policies().map((summary) => summary.path);
    for (const name of ['m', 'c', 'x']) policies.add(`/ws/${name}.md`, doc(`POL-${name}`, 'clauses: [12.3.1]\n'));
    expect(order()).toEqual(['/ws/c.md', '/ws/m.md', '/ws/x.md']);
    policies.add('/ws/a.md', doc('POL-a', 'clauses: [9.4.2]\n'));
    policies.add('/ws/m.md', doc('POL-m2', 'clauses: [9.4.2]\n'));
    policies.add('/ws/c.md', '# No longer a policy\n');
    policies.index.delete('/ws/x.md');
    policies.add('/ws/z.md', doc('POL-z', 'clauses: [9.4.2]\n'));
    expect(order()).toEqual(['/ws/a.md', '/ws/m.md', '/ws/z.md']);
    expect(policies.index.get('/ws/m.md')!.id?.value).toBe('POL-m2');
  });
});
