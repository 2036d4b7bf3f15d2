import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parsePolicyDocument } from '../../../server/src/document/parse';
import { applyFixes } from '../../../server/src/findings/applyFixes';
import { addToListEdit } from '../../../server/src/rules/clauseListEdit';
import { addKeyEdit } from '../../../server/src/rules/frontmatterKeyEdit';

const front = (mapping: string) => `---\n${mapping}\n---\n# P\n`;
/** The text after adding each [key, value] (as separate fixes, as fix-all applies them), or undefined when no edit is offered. */
function added(mapping: string, ...pairs: [string, string][]): string | undefined {
  const text = front(mapping);
  const document = parsePolicyDocument('/ws/p.md', text);
  const edits = pairs.map(([key, value]) => addKeyEdit(document, key, value));
  if (edits.some((edit) => !edit)) return undefined;
  const result = applyFixes(text, edits.map((edit) => ({ title: 'add', automatic: true, edits: [edit!] }))).text;
  return /^---\n([\s\S]*)\n---\n# P\n$/.exec(result)![1];
}

describe('adding a key to the frontmatter, in the mapping\'s own style', () => {
  it('adds a line to a block mapping, at its indentation', () => {
    expect(added('id: P1\ntitle: T', ['owner', 'TODO'], ['version', '0.1.0'])).toBe('id: P1\ntitle: T\nowner: TODO\nversion: 0.1.0');
    expect(added('  id: P1\n  title: T', ['owner', 'TODO'])).toBe('  id: P1\n  title: T\n  owner: TODO');
  });

  it('adds entries to a flow mapping, after the last one and before a trailing comma or comment', () => {
    expect(added('{id: P1, clauses: [9.2.5]}', ['owner', 'TODO'], ['type', 'policy'])).toBe('{id: P1, clauses: [9.2.5], owner: TODO, type: policy}');
    expect(added('{id: P1, clauses: [9.2.5], }', ['owner', 'TODO'])).toBe('{id: P1, clauses: [9.2.5], owner: TODO, }');
    expect(added('{}', ['owner', 'TODO'], ['type', 'policy'])).toBe('{owner: TODO, type: policy, }');
  });

  it('puts each entry on a line of its own when the flow mapping spans lines, and quotes like JSON when its keys are', () => {
    const json = '{\n  "id": "P1",\n  "clauses": ["9.2.5"] # claimed\n}';
    // 9.10 stays the string it says, not the number 9.1.
    expect(added(json, ['owner', 'TODO'], ['related', '[POL-2, 9.10]'])).toBe('{\n  "id": "P1",\n  "clauses": ["9.2.5"],\n  "owner": "TODO",\n  "related": ["POL-2", "9.10"] # claimed\n}');
  });

  it('quotes a value that would read differently inside a flow mapping', () => {
    const result = added('{id: P1}', ['title', 'Access, and review']);
    expect(result).toBe('{id: P1, title: "Access, and review"}');
    expect(parse(result!)).toEqual({ id: 'P1', title: 'Access, and review' });
  });

  it('offers nothing where the frontmatter is not a mapping that parses', () => {
    expect(added('{id: P1, clauses: [9.2.5]}\nowner: x', ['type', 'policy'])).toBeUndefined();
    expect(added('- a\n- b', ['type', 'policy'])).toBeUndefined();
  });

  it('adds clauses to a flow mapping once, however many fixes would add it', () => {
    const text = front('{id: P1}');
    const document = parsePolicyDocument('/ws/p.md', text);
    const fixes = [['9.2.5'], ['9.4.2']].map((ids) => ({ title: 'add', automatic: true, edits: [addToListEdit(document, 'clauses', ids)!] }));
    const owner = { title: 'owner', automatic: true, edits: [addKeyEdit(document, 'owner', 'TODO')!] };
    const result = applyFixes(text, [...fixes, owner]);
    expect(result.skipped).toEqual([fixes[1]]);
    expect(result.text).toBe(front('{id: P1, clauses: [9.2.5], owner: TODO}'));
  });
});
