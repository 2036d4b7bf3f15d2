import { describe, expect, it } from 'vitest';
import { completionSiteAt } from '../../../server/src/document/completionSite';
import { parsePolicyDocument } from '../../../server/src/document/parse';
import { targetAt } from '../../../server/src/document/targetAt';

/** Parses text with a `|` cursor and returns the document and the cursor offset. */
function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  return { document: parsePolicyDocument('/ws/a.md', textWithCursor.replace('|', '')), offset };
}

describe('completionSiteAt', () => {
  const site = (text: string) => {
    const { document, offset } = at(text);
    return completionSiteAt(document, offset);
  };

  it('finds keys, enum values and list items in the frontmatter, even while the YAML is broken', () => {
    expect(site('---\nid: A\nsta|\n---\n')).toMatchObject({ kind: 'key', prefix: 'sta', present: ['id'], colonFollows: false });
    expect(site('---\nid: A\n|status: draft\n---\n')).toMatchObject({ kind: 'key', colonFollows: true });
    expect(site('---\nid: A\nstatus: dr|\n---\n')).toMatchObject({ kind: 'value', key: 'status', prefix: 'dr', list: 'scalar' });
    expect(site('---\nid: A\nclauses: [9.1.1, 9.4.|\n---\n')).toMatchObject({ kind: 'value', key: 'clauses', prefix: '9.4.', list: 'flow' });
    expect(site('---\nid: A\nclauses:\n  - 9.1.1\n  - 12|\n---\n')).toMatchObject({ kind: 'value', key: 'clauses', prefix: '12', list: 'block', indent: '  - ' });
    expect(site('---\nid: A\nrelated: [POL-1,\n  PO|]\n---\n')).toMatchObject({ kind: 'value', key: 'related', prefix: 'PO', list: 'flow' });
    expect(site('---\nid: A\nclauses: [9.1.1]| \n---\n')).toBeUndefined();
  });

  it('finds the parts of an excludes item', () => {
    expect(site('---\nexcludes:\n  - |\n---\n')).toMatchObject({ kind: 'exclusion-key', newItem: true, indent: '  ' });
    expect(site('---\nexcludes:\n  - clause: 11.1.6\n    ju|\n---\n')).toMatchObject({ kind: 'exclusion-key', newItem: false, prefix: 'ju' });
    expect(site('---\nexcludes:\n  - clause: 11.|\n---\n')).toMatchObject({ kind: 'value', key: 'excludes', prefix: '11.' });
  });

  it('finds a new heading and a clause reference being typed in the body', () => {
    const heading = site('---\nid: A\n---\n# A\n\n## |\n');
    expect(heading).toMatchObject({ kind: 'heading', depth: 2, prefix: '' });
    expect(site('---\nid: A\n---\n# A\n\n## Sess|ion\n')).toBeUndefined();
    expect(site('# A\n\nAs ISO 27799 9.4| requires.\n')).toMatchObject({ kind: 'mention', prefix: '9.4' });
    expect(site('# A\n\nNothing here|.\n')).toBeUndefined();
  });
});

describe('targetAt', () => {
  const target = (text: string) => {
    const { document, offset } = at(text);
    return targetAt(document, offset);
  };

  it('finds clause ids, keys and document ids in the frontmatter, and clause mentions in the body', () => {
    expect(target('---\nclauses: [9.1.1, 9.4|.2]\n---\n')).toMatchObject({ kind: 'clause', source: '9.4.2', place: 'clauses' });
    expect(target('---\nexcludes:\n  - clause: 11.1.6|\n    justification: x\n---\n')).toMatchObject({ kind: 'clause', source: '11.1.6', place: 'excludes' });
    expect(target('---\nrelated: [POL-|A]\n---\n')).toMatchObject({ kind: 'document-id', id: 'POL-A', place: 'related' });
    expect(target('---\nid: POL|-A\n---\n')).toMatchObject({ kind: 'document-id', id: 'POL-A', place: 'id' });
    expect(target('---\nsta|tus: draft\n---\n')).toMatchObject({ kind: 'key', key: 'status' });
    expect(target('---\nid: A\n---\nSee ISO 27799 §1|2.3.1.\n')).toMatchObject({ kind: 'clause', source: '12.3.1', place: 'mention' });
    expect(target('---\nid: A\n---\nPlain |text.\n')).toBeUndefined();
  });
});
