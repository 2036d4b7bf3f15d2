import { describe, expect, it } from 'vitest';
import { computeLineStarts, offsetAt, positionAt } from '../../../server/src/document/lines';

describe('line starts', () => {
  it('ends lines at "\\n", "\\r\\n" and a lone "\\r", as LSP does', () => {
    expect(computeLineStarts('')).toEqual([0]);
    expect(computeLineStarts('a\nbc\n\nd')).toEqual([0, 2, 5, 6]);
    expect(computeLineStarts('a\r\nbc\r\n')).toEqual([0, 3, 7]);
    expect(computeLineStarts('a\rb\nc\r\nd')).toEqual([0, 2, 4, 7]);
  });

  it('maps offsets to positions and back on a file with "\\n" endings', () => {
    const text = '# Title\n\n## Session time-out\nFive minutes.\n';
    const starts = computeLineStarts(text);
    const offset = text.indexOf('Five');
    expect(positionAt(starts, offset)).toEqual({ line: 3, character: 0 });
    expect(offsetAt(starts, text.length, 3, 5)).toBe(offset + 5);
  });
});
