import { describe, expect, it } from 'vitest';
import { computeLineStarts, positionAt } from '../../../server/src/document/lines';
import { applyFixes, orderedEdits, selectionAfter } from '../../../server/src/findings/applyFixes';
import type { Fix, TextEdit } from '../../../server/src/findings/types';
import { fixSelectCommand, positionAfterEdits } from '../../../server/src/lsp/fixResult';

const lineMap = (text: string) => ({ text, lineStarts: computeLineStarts(text) });

/** The position as the text after the edits gives it (what the code action computed before). */
function expected(text: string, edits: TextEdit[], offset: number) {
  const after = applyFixes(text, [{ title: '', automatic: false, edits }]).text;
  return positionAt(computeLineStarts(after), offset);
}

/** A small deterministic generator, so a failure can be read again. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('positionAfterEdits', () => {
  it('gives every offset of the text after the edits the position that text gives it', () => {
    const next = random(7);
    const pieces = ['a', 'bc', '\n', '\n\n', 'TODO: x', ' ', '## H\n'];
    const pick = () => pieces[Math.floor(next() * pieces.length)]!;
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 12) }, pick).join('');
      const edits: TextEdit[] = [];
      let at = 0;
      for (let n = Math.floor(next() * 4); n > 0 && at <= text.length; n--) {
        const start = at + Math.floor(next() * (text.length - at + 1));
        const end = Math.min(text.length, start + Math.floor(next() * 3));
        edits.push({ range: { start, end }, newText: Array.from({ length: Math.floor(next() * 3) }, pick).join('') });
        at = end + 1;
      }
      const ordered = orderedEdits(edits);
      const length = applyFixes(text, [{ title: '', automatic: false, edits }]).text.length;
      for (let offset = 0; offset <= length; offset++) {
        expect(positionAfterEdits(lineMap(text), ordered, offset), JSON.stringify({ text, edits, offset })).toEqual(expected(text, ordered, offset));
      }
    }
  });

  it('leaves a text with "\\r" to the caller', () => {
    expect(positionAfterEdits(lineMap('a\r\nb'), [{ range: { start: 1, end: 1 }, newText: 'x' }], 2)).toBeUndefined();
    expect(positionAfterEdits(lineMap('a\nb'), [{ range: { start: 1, end: 1 }, newText: '\r\n' }], 2)).toBeUndefined();
  });
});

describe('fixSelectCommand', () => {
  const text = '# Policy\n\nIntro.\r\n\n## Scope\n\nAll staff.\n';
  const fix: Fix = { title: 'Insert section', automatic: true, edits: [{ range: { start: 10, end: 10 }, newText: '## Restore testing\n\nTODO: say how.\n\n' }], select: { edit: 0, start: 20, end: 34 } };

  for (const [name, document] of [['\\n line ends', text.replace('\r\n', '\n')], ['a "\\r\\n" line end', text]] as const) {
    it(`selects what the fix inserts, as the text after it says (${name})`, () => {
      const command = fixSelectCommand('file:///p.md', lineMap(document), fix)!;
      const after = applyFixes(document, [fix]).text;
      const select = selectionAfter(orderedEdits(fix.edits), fix)!;
      const lines = computeLineStarts(after);
      expect(command.arguments).toEqual([{ uri: 'file:///p.md', selection: { start: positionAt(lines, select.start), end: positionAt(lines, select.end) } }]);
      expect(after.slice(select.start, select.end)).toBe('TODO: say how.');
    });
  }
});
