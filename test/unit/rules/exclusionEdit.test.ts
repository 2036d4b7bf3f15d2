import { describe, expect, it } from 'vitest';
import { parsePolicyDocument } from '../../../server/src/document/parse';
import { addExclusionEdit } from '../../../server/src/rules/exclusionEdit';

function applied(text: string, id = '11.1.5', justification = 'No secure areas: "cloud only".'): string | undefined {
  const document = parsePolicyDocument('/set/record.md', text);
  const edit = addExclusionEdit(document, id, justification);
  if (!edit) return undefined;
  const result = text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end);
  // Whatever the style, the result parses and holds every exclusion.
  expect(parsePolicyDocument('/set/record.md', result).frontmatter?.data?.excludes).toContainEqual({ clause: id, justification });
  return result;
}

describe('adding an exclusion to a document', () => {
  it('appends an item to a block list, at its indentation, after the last item', () => {
    const text = '---\nid: R\nexcludes:\n  - clause: 11.1.6\n    justification: N/A\nrelated: []\n---\nBody\n';
    expect(applied(text)).toBe('---\nid: R\nexcludes:\n  - clause: 11.1.6\n    justification: N/A\n  - clause: 11.1.5\n    justification: "No secure areas: \\"cloud only\\"."\nrelated: []\n---\nBody\n');
  });

  it('adds the key as a block list at the end of the frontmatter when there is none', () => {
    expect(applied('---\nid: R\nclauses: []\n---\nBody\n', '11.1.5', 'Cloud only.')).toBe('---\nid: R\nclauses: []\nexcludes:\n  - clause: 11.1.5\n    justification: "Cloud only."\n---\nBody\n');
  });

  it('fills an empty key and keeps CRLF line endings', () => {
    expect(applied('---\r\nid: R\r\nexcludes:\r\n---\r\n', '11.1.5', 'x')).toBe('---\r\nid: R\r\nexcludes:\r\n  - clause: 11.1.5\r\n    justification: "x"\r\n---\r\n');
  });

  it('keeps a comment after excludes: on its line, before the new item', () => {
    expect(applied('---\nid: R\nexcludes: # decided by the board\nrelated: []\n---\n', '11.1.5', 'x')).toBe('---\nid: R\nexcludes: # decided by the board\n  - clause: 11.1.5\n    justification: "x"\nrelated: []\n---\n');
  });

  it('writes the new item at the indentation of a list indented by four spaces', () => {
    const text = '---\nid: R\nexcludes:\n    - clause: 11.1.6\n      justification: N/A # to be decided\n---\n';
    expect(applied(text, '11.1.5', 'x')).toBe('---\nid: R\nexcludes:\n    - clause: 11.1.6\n      justification: N/A # to be decided\n    - clause: 11.1.5\n      justification: "x"\n---\n');
  });

  it('adds an entry to a flow list, keeping its text, and quotes an id YAML would read as another number', () => {
    expect(applied('---\nid: R\nexcludes: [{clause: 11.1.6, justification: N/A}]\n---\n', '5.10', 'y')).toBe('---\nid: R\nexcludes: [{clause: 11.1.6, justification: N/A}, {clause: "5.10", justification: "y"}]\n---\n');
    expect(applied('---\nid: R\nexcludes: [\n  {clause: 11.1.6, justification: N/A}, # kept\n]\n---\n', '11.1.5', 'y')).toBe('---\nid: R\nexcludes: [\n  {clause: 11.1.6, justification: N/A}, {clause: 11.1.5, justification: "y"}, # kept\n]\n---\n');
  });

  it('writes a block list into an empty flow list, as where there is no list yet', () => {
    expect(applied('---\nid: R\nexcludes: []\n---\n', '11.1.5', 'y')).toBe('---\nid: R\nexcludes:\n  - clause: 11.1.5\n    justification: "y"\n---\n');
  });

  it('gives no edit when excludes is a mapping or the frontmatter does not parse', () => {
    expect(applied('---\nid: R\nexcludes: {clause: 11.1.6}\n---\n')).toBeUndefined();
    expect(applied('---\nid: [R\n---\n')).toBeUndefined();
    expect(applied('# No frontmatter\n')).toBeUndefined();
  });
});
