import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../server/src/catalog/load';
import { defaultConfig } from '../../../server/src/config/load';
import { computeCoverage } from '../../../server/src/model/coverage';
import { PolicySet } from '../../../server/src/engine/policySet';
import { policyText } from '../../helpers/tempWorkspace';

const catalog = loadCatalog();
const today = '2026-06-01';
const backupBody = '# Backup\n\n## Backup scope\n\nAll clinical systems.\n\n## Backup schedule\n\nNightly.\n\n## Backup storage\n\nEncrypted, off-site.\n\n## Backup retention\n\n90 days.\n\n## Restore testing\n\nQuarterly restores of the EHR.\n';

function doc(id: string, frontmatter: string, body = backupBody): string {
  return policyText(id, frontmatter, body).replace('clauses: []\n', '').replace('status: draft\n', '');
}

function set(files: Record<string, string>) {
  const policies = new PolicySet(defaultConfig('/ws'), catalog);
  for (const [path, text] of Object.entries(files)) policies.add(`/ws/${path}`, text);
  return policies;
}

const approved = 'status: approved\napproved-by: Board\neffective: 2026-01-01\nlast-reviewed: 2026-01-01\n';

describe('the workspace index', () => {
  it('answers who claims, excludes and cites a clause, and which ids exist', () => {
    const policies = set({
      'a.md': doc('POL-A', `${approved}clauses: [12.3.1]\n`, `${backupBody}\nSee ISO 27799 12.4.1.\n`),
      'b.md': doc('POL-B', 'status: draft\nclauses: [12.4.1]\nexcludes:\n  - clause: 11.1.6\n    justification: There is no loading area at this clinic.\nrelated: [POL-A]\n'),
      'readme.md': '# Not a policy\n',
    });
    const paths = (summaries: { path: string }[]) => summaries.map((summary) => summary.path);
    expect(paths(policies.index.claiming('12.3.1'))).toEqual(['/ws/a.md']);
    expect(paths(policies.index.excluding('11.1.6'))).toEqual(['/ws/b.md']);
    expect(paths(policies.index.citing('12.4.1'))).toEqual(['/ws/a.md']);
    expect(paths(policies.index.referencing('POL-A'))).toEqual(['/ws/b.md']);
    expect(policies.index.ids().sort()).toEqual(['POL-A', 'POL-B']);
    expect(paths(policies.index.policies())).toEqual(['/ws/a.md', '/ws/b.md']);
  });

  it('lists the policy documents of a type in path order, following edits and removals', () => {
    const soa = (id: string) => doc(id, 'clauses: []\n').replace('type: policy', 'type: soa');
    const policies = set({ 'z.md': soa('SOA-Z'), 'c.md': soa('SOA-C'), 'b.md': doc('POL-B', 'clauses: []\n'), 'readme.md': '# Not a policy\n' });
    const paths = (summaries: { path: string }[]) => summaries.map((summary) => summary.path);
    expect(paths(policies.index.ofType('soa'))).toEqual(['/ws/c.md', '/ws/z.md']);
    expect(paths(policies.index.ofType('policy'))).toEqual(['/ws/b.md']);
    policies.add('/ws/z.md', doc('POL-Z', 'clauses: []\n'));
    expect(paths(policies.index.ofType('soa'))).toEqual(['/ws/c.md']);
    policies.index.delete('/ws/c.md');
    expect(policies.index.ofType('soa')).toEqual([]);
  });

  it('finds duplicate ids and forgets a document when it is replaced or removed', () => {
    const policies = set({ 'a.md': doc('POL-A', 'clauses: []\n'), 'b.md': doc('POL-A', 'clauses: []\n') });
    expect(policies.index.withId('POL-A')).toHaveLength(2);
    policies.add('/ws/b.md', doc('POL-B', 'clauses: []\n'));
    expect(policies.index.withId('POL-A')).toHaveLength(1);
    policies.index.delete('/ws/a.md');
    expect(policies.index.ids()).toEqual(['POL-B']);
  });

  it('updating one document leaves the other summaries untouched (nothing else is re-parsed)', () => {
    const policies = set({ 'a.md': doc('POL-A', 'clauses: []\n'), 'b.md': doc('POL-B', 'clauses: []\n'), 'c.md': doc('POL-C', 'clauses: []\n') });
    const before = ['/ws/a.md', '/ws/c.md'].map((path) => policies.index.get(path));
    policies.add('/ws/b.md', doc('POL-B', 'clauses: [12.3.1]\n'));
    expect(['/ws/a.md', '/ws/c.md'].map((path) => policies.index.get(path))).toEqual(before);
    expect(['/ws/a.md', '/ws/c.md'].every((path, i) => policies.index.get(path) === before[i])).toBe(true);
    expect(policies.index.get('/ws/b.md')!.elements['12.3.1']!.filter((status) => status.state === 'heading')).toHaveLength(5);
  });
});

describe('the listing revision', () => {
  it('grows when a policy document is deleted, or stops or starts being a policy, and not for a non-policy', () => {
    const policies = set({ 'a.md': doc('POL-A', 'clauses: []\n'), 'readme.md': '# Not a policy\n' });
    const listing = () => policies.index.listingRevision;
    let last = listing();
    policies.index.delete('/ws/readme.md');
    expect(listing()).toBe(last);
    policies.index.delete('/ws/a.md');
    expect(listing()).toBeGreaterThan(last);
    last = listing();
    // The same frontmatter without `clauses`: no longer a policy document (no config includes it).
    policies.add('/ws/a.md', doc('POL-A', 'clauses: []\n').replace('clauses: []\n', ''));
    expect(policies.index.get('/ws/a.md')!.isPolicy).toBe(false);
    expect(listing()).toBe(last);
    policies.add('/ws/a.md', doc('POL-A', 'clauses: []\n'));
    expect(policies.index.get('/ws/a.md')!.isPolicy).toBe(true);
    expect(listing()).toBeGreaterThan(last);
    last = listing();
    policies.add('/ws/a.md', doc('POL-A', 'clauses: []\n').replace('clauses: []\n', ''));
    expect(listing()).toBeGreaterThan(last);
  });
});

describe('coverage per control', () => {
  const state = (files: Record<string, string>, id: string) => {
    const policies = set(files);
    return computeCoverage(policies.index, catalog, policies.config, today).controls.find((control) => control.id === id)!;
  };

  it('covered: claimed by an approved, current document with every element', () => {
    expect(state({ 'a.md': doc('POL-A', `${approved}clauses: [12.3.1]\n`) }, '12.3.1')).toMatchObject({ state: 'covered', reasons: [] });
  });

  it('partial: only a draft claims it', () => {
    expect(state({ 'a.md': doc('POL-A', 'status: draft\nclauses: [12.3.1]\n') }, '12.3.1')).toMatchObject({ state: 'partial', reasons: ['POL-A is draft, not approved'] });
  });

  it('partial: an element is missing or empty, or the review is overdue', () => {
    const body = backupBody.replace('Quarterly restores of the EHR.', 'TODO').replace('## Backup retention\n\n90 days.\n\n', '');
    expect(state({ 'a.md': doc('POL-A', `${approved}clauses: [12.3.1]\n`, body) }, '12.3.1').reasons).toEqual(['POL-A misses Backup retention', 'POL-A has empty Restore testing']);
    const stale = approved.replace('last-reviewed: 2026-01-01', 'last-reviewed: 2024-01-01');
    expect(state({ 'a.md': doc('POL-A', `${stale}clauses: [12.3.1]\n`) }, '12.3.1')).toMatchObject({ state: 'partial', reasons: ['POL-A is overdue for review (due 2025-01-01)'] });
  });

  it('excluded with a justification; a gap without one, when expired, or for an essential control', () => {
    const exclusion = (clause: string, justification: string, until = '') =>
      ({ 'a.md': doc('POL-A', `${approved}excludes:\n  - clause: ${clause}\n    justification: "${justification}"\n${until ? `    until: ${until}\n` : ''}`) });
    expect(state(exclusion('11.1.6', 'The clinic has no delivery or loading area.'), '11.1.6').state).toBe('excluded');
    expect(state(exclusion('11.1.6', ''), '11.1.6')).toMatchObject({ state: 'gap', reasons: ['exclusion in POL-A is not valid: no justification'] });
    expect(state(exclusion('11.1.6', 'The clinic has no delivery area.', '2026-01-31'), '11.1.6').reasons).toEqual(['exclusion in POL-A is not valid: expired on 2026-01-31']);
    expect(state(exclusion('12.3.1', 'We keep everything in the vendor cloud.'), '12.3.1')).toMatchObject({ state: 'gap', essential: true });
  });

  it('gap: nothing claims or excludes it', () => {
    expect(state({}, '9.4.2')).toMatchObject({ state: 'gap', reasons: ['no document claims or excludes it'] });
  });
});
