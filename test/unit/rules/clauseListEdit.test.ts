import { describe, expect, it } from 'vitest';
import { parsePolicyDocument } from '../../../server/src/document/parse';
import { applyFixes } from '../../../server/src/findings/applyFixes';
import { addToListEdit } from '../../../server/src/rules/clauseListEdit';

const front = (clauses: string) => `---\nid: POL-1\ntitle: Passwords\n${clauses}---\n# Passwords\n\nBody.\n`;
const added = (text: string, ids: string[]) => {
  const document = parsePolicyDocument('/ws/doc.md', text);
  const edit = addToListEdit(document, 'clauses', ids);
  return edit && applyFixes(text, [{ title: 'add', automatic: true, edits: [edit] }]).text;
};

describe('adding several ids to clauses: in the style of the author\'s list, block style where there is none', () => {
  it('extends a flow list', () => {
    expect(added(front('clauses: [9.4.2]\n'), ['9.3.1', '9.4.3'])).toBe(front('clauses: [9.4.2, 9.3.1, 9.4.3]\n'));
  });

  it('writes a block list, one id per line, into an empty list or an empty value, keeping a comment on the key\'s line', () => {
    expect(added(front('clauses: []\n'), ['9.3.1', '9.4.3'])).toBe(front('clauses:\n  - 9.3.1\n  - 9.4.3\n'));
    expect(added(front('clauses: # none yet\n'), ['9.3.1', '9.4.3'])).toBe(front('clauses: # none yet\n  - 9.3.1\n  - 9.4.3\n'));
    expect(added(front('clauses: ~\n'), ['9.3.1'])).toBe(front('clauses:\n  - 9.3.1\n'));
  });

  it('adds the key with a block list when it is missing', () => {
    expect(added(front(''), ['9.3.1', '9.4.3'])).toBe(front('clauses:\n  - 9.3.1\n  - 9.4.3\n'));
  });

  it('writes a flow list where only one fits: in a flow mapping', () => {
    const flow = (entries: string) => `---\n{id: POL-1, title: Passwords${entries}}\n---\n# Passwords\n`;
    expect(added(flow(''), ['9.3.1', '9.4.3'])).toBe(flow(', clauses: [9.3.1, 9.4.3]'));
    expect(added(flow(', clauses: []'), ['9.3.1'])).toBe(flow(', clauses: [9.3.1]'));
  });

  it("adds the key to a comply header above its --- line, and extends a list there", () => {
    const header = (clauses: string) => `name: Passwords\r\nacronym: PW\r\n${clauses}---\r\n# Passwords\r\n`;
    expect(added(header(''), ['9.4.3'])).toBe(header('clauses:\r\n  - 9.4.3\r\n'));
    expect(added(header('clauses:\r\n  - 9.3.1\r\n'), ['9.4.3'])).toBe(header('clauses:\r\n  - 9.3.1\r\n  - 9.4.3\r\n'));
  });

  it('adds one item line per id to a block list, with its indentation', () => {
    expect(added(front('clauses:\n  - 9.4.2\n'), ['9.3.1', '9.4.3'])).toBe(front('clauses:\n  - 9.4.2\n  - 9.3.1\n  - 9.4.3\n'));
  });

  it('keeps CRLF line endings', () => {
    const crlf = front('clauses:\n  - 9.4.2\n').replace(/\n/g, '\r\n');
    expect(added(crlf, ['9.3.1'])).toBe(front('clauses:\n  - 9.4.2\n  - 9.3.1\n').replace(/\n/g, '\r\n'));
  });
});
