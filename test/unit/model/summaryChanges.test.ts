import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../server/src/catalog/load';
import { defaultConfig } from '../../../server/src/config/load';
import { PolicySet } from '../../../server/src/engine/policySet';
import type { DocumentSummary } from '../../../server/src/model/summary';
import { coverageInputsChanged, listingChanged } from '../../../server/src/model/summaryChanges';
import { policyText } from '../../helpers/tempWorkspace';

const catalog = loadCatalog();
const body = '# Backup\n\n## Backup schedule\n\nBackups are taken nightly.\n\n## Restore testing\n\nRestores are tested each quarter.\n';

/** The summary of one policy text, as the workspace index files it. */
function summaryOf(text: string): DocumentSummary {
  const policies = new PolicySet(defaultConfig('/ws'), catalog);
  policies.add('/ws/p.md', text);
  return policies.index.get('/ws/p.md')!;
}

const base = policyText('POL-1', '', body).replace('clauses: []', 'clauses: [12.3.1]');

describe('a change that can move the coverage report', () => {
  it('is none when the document reads the same, though its summary is a new object', () => {
    expect(coverageInputsChanged(summaryOf(base), summaryOf(base))).toBe(false);
    // A word of the body that no element's evidence or heading reads.
    expect(coverageInputsChanged(summaryOf(base), summaryOf(base.replace('Backups are taken', 'Backups are made')))).toBe(false);
  });

  it('is any change to the claims, exclusions, listing fields or element states', () => {
    const before = summaryOf(base);
    expect(coverageInputsChanged(before, summaryOf(base.replace('[12.3.1]', '[12.3.1, 9.2.5]')))).toBe(true);
    expect(coverageInputsChanged(before, summaryOf(base.replace('status: draft', 'status: in-review')))).toBe(true);
    expect(coverageInputsChanged(before, summaryOf(base.replace('id: POL-1', 'id: POL-2')))).toBe(true);
    expect(coverageInputsChanged(before, summaryOf(base.replace('## Restore testing\n\nRestores are tested each quarter.\n', '')))).toBe(true);
    const excluded = (justification: string) => summaryOf(base.replace('clauses: [12.3.1]', `clauses: [12.3.1]\nexcludes:\n  - clause: 11.1.6\n    justification: ${justification}`));
    expect(coverageInputsChanged(excluded('No loading area at this clinic.'), excluded('No loading area at this clinic.'))).toBe(false);
    expect(coverageInputsChanged(excluded('No loading area at this clinic.'), excluded('No delivery area at this clinic.'))).toBe(true);
  });

  it('is a policy document coming, going, or ceasing to be a policy; not a change to a document that is none', () => {
    const policy = summaryOf(base);
    const readme = summaryOf('# Notes\n\nNothing to check.\n');
    expect(readme.isPolicy).toBe(false);
    expect(coverageInputsChanged(undefined, policy)).toBe(true);
    expect(coverageInputsChanged(policy, undefined)).toBe(true);
    expect(coverageInputsChanged(policy, readme)).toBe(true);
    expect(coverageInputsChanged(readme, summaryOf('# Notes\n\nStill nothing.\n'))).toBe(false);
  });
});

describe('a change that moves what the views list', () => {
  // A document that only excludes (an SoA, say): no claimed element's line moves with the entry.
  const withExclusion = (above: string) => summaryOf(base.replace('clauses: [12.3.1]', `clauses: []\n${above}excludes:\n  - clause: 11.1.6\n    justification: No loading area at this clinic.`));

  it('is an excludes entry moving to another line, which coverage does not see (the registers open the document there)', () => {
    const before = withExclusion('');
    const after = withExclusion('related: [POL-2]\n');
    expect(after.exclusions[0]!.line).toBe(before.exclusions[0]!.line + 1);
    expect(coverageInputsChanged(before, after)).toBe(false);
    expect(listingChanged(before, after)).toBe(true);
    expect(listingChanged(before, withExclusion(''))).toBe(false);
  });
});
