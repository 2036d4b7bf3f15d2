import { describe, expect, it } from 'vitest';
import { builtInCatalogPath } from '../../../server/src/catalog/builtIn';
import { loadCatalog } from '../../../server/src/catalog/load';
import { parsePolicyDocument } from '../../../server/src/document/parse';
import { planMigration } from '../../../server/src/migrate/plan';
import { switchCatalog } from '../../../server/src/migrate/configCatalog';

const catalog = loadCatalog(builtInCatalogPath('iso27002-2022'));
const plan = (text: string) => planMigration(parsePolicyDocument('/set/a.md', text), catalog);
const body = '\n# Access\n\nSee ISO 27799 9.4.2 and §9.1.1 before granting access.\n';

describe('planning a migration to ISO/IEC 27002:2022', () => {
  it('merges, splits and de-duplicates a flow list in order, and leaves every byte of the body', () => {
    const text = `---\nid: A-1\nclauses: [9.1.1, 9.1.2, 9.2.1, 18.2.3, 5.1.1, 5.1.2]\n---${body}`;
    const result = plan(text);
    expect(result.after).toEqual(['5.15', '5.16', '5.36', '8.8', '5.1']);
    expect(result.text).toBe(`---\nid: A-1\nclauses: [5.15, 5.16, 5.36, 8.8, 5.1]\n---${body}`);
    expect(result.mapped).toContainEqual({ from: '18.2.3', to: ['5.36', '8.8'] });
    // Body references are listed for review with what they became, not rewritten.
    expect(result.mentions).toEqual([{ text: 'ISO 27799 9.4.2', line: 7, to: ['8.5'] }, { text: '§9.1.1', line: 7, to: ['5.15'] }]);
  });

  it('keeps a block list block, with its indentation and CRLF line endings, and quotes ids YAML would read as other numbers', () => {
    const text = '---\r\nid: A-1\r\nclauses:\r\n    - 8.1.3\r\n    - 8.2.3\r\n    - 11.2.7\r\nowner: CISO\r\n---\r\n# Body\r\n';
    expect(plan(text).text).toBe('---\r\nid: A-1\r\nclauses:\r\n    - "5.10"\r\n    - 7.14\r\nowner: CISO\r\n---\r\n# Body\r\n');
    expect(plan("---\nclauses: ['9.1.1']\n---\n").text).toBe("---\nclauses: ['5.15']\n---\n");
  });

  it('is idempotent: a migrated document plans no change', () => {
    const once = plan(`---\nid: A-1\nclauses: [9.1.1, 12.4.1]\nexcludes:\n  - clause: 18.2.3\n    justification: No in-house systems to test at all.\n---${body}`);
    const twice = plan(once.text);
    expect(twice.text).toBe(once.text);
    expect(twice.mapped).toEqual([]);
  });

  it('carries an exclusion with its justification and until, repeats it for each id of a split, and notes a conflicting claim', () => {
    const text = '---\nid: A-1\nclauses: [11.1.2]\nexcludes:\n  - clause: 11.1.6\n    justification: Outpatient clinic with no loading area.\n    until: 2027-06-30\n  - clause: 18.2.3\n    justification: No technical reviews here.\nowner: CISO\n---\n# Body\n';
    const result = plan(text);
    expect(result.text).toBe('---\nid: A-1\nclauses: [7.2]\nexcludes:\n  - clause: 7.2\n    justification: Outpatient clinic with no loading area.\n    until: 2027-06-30\n  - clause: 5.36\n    justification: No technical reviews here.\n  - clause: 8.8\n    justification: No technical reviews here.\nowner: CISO\n---\n# Body\n');
    expect(result.exclusions[0]).toMatchObject({ from: '11.1.6', to: ['7.2'], until: '2027-06-30', note: '7.2 is also claimed in this document; drop the claim or the exclusion' });
    expect(result.exclusions[1]).toEqual({ from: '18.2.3', to: ['5.36', '8.8'], justification: 'No technical reviews here.' });
  });

  it('keeps unknown ids and ids already of 2022, and refuses a list with comments rather than lose them', () => {
    const result = plan('---\nclauses: [5.23, 99.1.1, 9.4.2]\n---\n');
    expect(result.after).toEqual(['5.23', '99.1.1', '8.5']);
    expect(result.unknown).toEqual(['99.1.1']);
    const commented = plan('---\nclauses:\n  - 9.1.1 # the policy\n  - 9.1.2\n---\n');
    expect(commented.refused).toMatch(/comments; rewrite the ids by hand/);
    expect(commented.text).toBe('---\nclauses:\n  - 9.1.1 # the policy\n  - 9.1.2\n---\n');
  });

  it('rewrites ids in a comply header and nothing else', () => {
    const text = 'id: "onboard"\nname: "Onboard New User"\nclauses: [9.2.1]\n---\n\nSteps.\n';
    expect(plan(text).text).toBe('id: "onboard"\nname: "Onboard New User"\nclauses: [5.16]\n---\n\nSteps.\n');
  });
});

describe('switching a config to the new catalog', () => {
  it('rewrites a built-in name in place, adds the line when there is none, and leaves an own catalog file alone', () => {
    expect(switchCatalog('# ours\ncatalog: iso27799-2016 # default\ninclude: ["*.md"]\n', 'c', 'iso27002-2022')).toEqual({ text: '# ours\ncatalog: iso27002-2022 # default\ninclude: ["*.md"]\n' });
    expect(switchCatalog('include: ["*.md"]', 'c', 'iso27002-2022')).toEqual({ text: 'include: ["*.md"]\ncatalog: iso27002-2022\n' });
    expect(switchCatalog('catalog: iso27002-2022\n', 'c', 'iso27002-2022')).toEqual({ unchanged: 'already' });
    expect(switchCatalog('catalog: controls/ours.yaml\n', 'c', 'iso27002-2022')).toMatchObject({ manual: expect.stringContaining('names the catalog file "controls/ours.yaml"') });
  });
});
