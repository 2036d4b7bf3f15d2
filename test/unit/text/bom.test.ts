import { describe, expect, it } from 'vitest';
import { hasBom, withBom, withoutBom } from '../../../server/src/text/bom';
import { regionDiff } from '../../../server/src/text/unifiedDiff';

describe('byte-order mark', () => {
  it('is taken off and put back only where the text had one', () => {
    const text = '\uFEFF---\r\nid: A\r\n';
    expect(hasBom(text)).toBe(true);
    expect(withoutBom(text)).toBe('---\r\nid: A\r\n');
    expect(withoutBom('---\n')).toBe('---\n');
    expect(withBom(withoutBom(text), hasBom(text))).toBe(text);
    expect(withBom('---\n', false)).toBe('---\n');
  });

  it('is no line of a diff: a file with one diffs like the same file without', () => {
    const before = '---\nid: A\nclauses: [9.1.1]\n---\n# A\n';
    const after = before.replace('[9.1.1]', '[9.1.1, 9.4.2]');
    expect(regionDiff('a.md', `\uFEFF${before}`, `\uFEFF${after}`)).toBe(regionDiff('a.md', before, after));
    expect(regionDiff('a.md', `\uFEFF${before}`, `\uFEFF${after}`)).not.toContain('\uFEFF');
  });
});
