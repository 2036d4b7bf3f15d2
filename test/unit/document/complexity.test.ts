import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../server/src/config/types';
import { complexityProblem, isRisky, measureComplexity } from '../../../server/src/document/complexity';

const nested = (depth: number) => Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}- item`).join('\n');

describe('the pre-scan', () => {
  it.each([
    ['plain text', 'Just words.\n\nMore words.\n', 0, 0],
    ['a list', '- a\n- b\n  - c\n', 2, 0],
    ['markers on one line', `${'- '.repeat(30)}x\n`, 30, 0],
    ['ordered and mixed markers', '1. - * 2) x\n', 4, 0],
    ['quotes and lists', '> - > - x\n', 4, 0],
    ['a list nested by indentation', nested(12), 12, 0],
    ['indentation inside a fence is code', '```\n- a\n  - b\n    - c\n```\n', 0, 0],
    ['a fence in a list item ends with the item', '- ```\n- - - x\n', 3, 0],
    ['thematic breaks and headings', '***\n\n# Title\n\n---\n', 0, 3],
    ['emphasis in one paragraph', '**bold** and _it_\nand *more*\n\nnext *one*\n', 0, 8],
    ['snake_case is not emphasis', 'a_b_c and __init__ words\n', 0, 4],
    ['a list item is a paragraph of its own', '- **a**\n- **b**\n- **c**\n', 1, 4],
    ['lone CR line endings', '- a\r  - b\r    - c\r', 3, 0],
  ])('%s', (_name, text, nesting, emphasis) => {
    expect(measureComplexity(text)).toMatchObject({ nesting, emphasis });
  });

  it('refuses past a limit, naming the line or paragraph, the limit and the key that raises it', () => {
    const text = `Intro.\n\n${'- '.repeat(60)}x\n`;
    const problem = complexityProblem(measureComplexity(text), DEFAULT_LIMITS)!;
    expect(problem.range.start).toBe(text.indexOf('- '));
    expect(problem.message).toMatch(/nest 60 levels deep, more than the 50 .*limits\.nesting-depth/);
    const emphasis = `A\n\n${'*_'.repeat(1001)}\n`;
    expect(complexityProblem(measureComplexity(emphasis), DEFAULT_LIMITS)!.message).toMatch(/2002 emphasis markers .* more than the 2000 .*limits\.emphasis-markers/);
    expect(complexityProblem(measureComplexity(emphasis), { ...DEFAULT_LIMITS, emphasisMarkers: 5000 })).toBeUndefined();
    expect(complexityProblem(measureComplexity(nested(40)), DEFAULT_LIMITS)).toBeUndefined();
  });

  it('calls unusual nesting, markup or length risky, and ordinary text not', () => {
    expect(isRisky('# Policy\n\n- a\n  - b\n\n**Owner:** CISO\n')).toBe(false);
    expect(isRisky(nested(12))).toBe(true);
    expect(isRisky(`${'*a* '.repeat(150)}\n`)).toBe(true);
    expect(isRisky('word '.repeat(60_000))).toBe(true);
  });
});
