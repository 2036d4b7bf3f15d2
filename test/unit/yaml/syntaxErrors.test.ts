import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { yamlSyntaxProblems } from '../../../server/src/yaml/syntaxErrors';

/** Each problem as "line:column message" (1-based), with the text it points at. */
function problems(source: string): { at: string; message: string; text: string }[] {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false });
  return yamlSyntaxProblems(source, doc.errors).map((problem) => {
    const { line, col } = counter.linePos(problem.start);
    return { at: `${line}:${col}`, message: problem.message, text: source.slice(problem.start, problem.end) };
  });
}

describe('YAML syntax problems in our words, where they start', () => {
  it('a list never closed: at its [, not where the text runs out', () => {
    expect(problems('id: A\nclauses: [9.4.2, 9.4.3\nowner: CISO\nstatus: draft\n')).toEqual([{ at: '2:10', message: 'this list is never closed: add ] after its last item', text: '[' }]);
  });

  it('a mapping never closed: at its {', () => {
    expect(problems('id: A\nmeta: {a: 1, b: "x]"\nowner: CISO\n')).toEqual([{ at: '2:7', message: 'this mapping is never closed: add } after its last entry', text: '{' }]);
  });

  it('a quote never closed: from the opening quote to the end of its line', () => {
    expect(problems('id: A\ntitle: "Access control\nowner: CISO\n')).toEqual([{ at: '2:8', message: 'this quoted text is never closed: add " at its end', text: '"Access control' }]);
  });

  it('a value holding ": " names the quoting that mends it', () => {
    expect(problems('id: A\ntitle: Access: control\n')).toEqual([{ at: '2:8', message: 'this value holds ": ", which YAML reads as another key: put the value in quotes ("Access: control")', text: 'Access: control' }]);
  });

  it('a key indented under another: on the indented line, once', () => {
    expect(problems('id: A\n  title: T\nowner: CISO\n')).toEqual([expect.objectContaining({ at: '2:3', text: 'title: T', message: expect.stringMatching(/^this line is indented more than the key above it/) })]);
  });

  it('a missing space after a colon, a tab, a stray ]', () => {
    expect(problems('id: A\ntitle:T\nowner: CISO\n')[0]).toMatchObject({ at: '2:1', message: 'put a space after the colon ("title: T")' });
    expect(problems('id: A\nclauses:\n\t- 9.4.2\n')[0]).toMatchObject({ at: '3:1', message: 'a tab indents this line; YAML needs spaces' });
    expect(problems('id: A\nclauses: [9.4.2]]\n')[0]).toMatchObject({ at: '2:17', message: 'this ] closes no list; remove it' });
  });
});
