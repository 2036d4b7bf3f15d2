import { describe, expect, it } from 'vitest';
import { WordTable } from '../../../server/src/text/wordTable';

const word = (surface: string) => ({ surface });

describe('WordTable: words filed by their spelling, found from a stretch of a text', () => {
  it('finds a word from the middle of a longer text, and nothing for a stretch of another length or spelling', () => {
    const table = new WordTable<{ surface: string }>(10);
    const access = word('access');
    table.add(access);
    const text = 'user access reviews';
    expect(table.find(text, 5, 11)).toBe(access);
    expect(table.find(text, 5, 10)).toBeUndefined();
    expect(table.find(text, 12, 19)).toBeUndefined();
  });

  it('keeps every word findable as it grows past its first size', () => {
    const table = new WordTable<{ surface: string }>(100_000);
    const words = Array.from({ length: 10_000 }, (_, i) => word(`w${i.toString(36)}`));
    for (const value of words) table.add(value);
    expect(table.size).toBe(10_000);
    for (const value of words) expect(table.find(` ${value.surface} `, 1, value.surface.length + 1)).toBe(value);
    expect(table.find('w-none', 0, 6)).toBeUndefined();
  });

  it('files no more than its limit: past it, a word is not found (its caller builds it each time)', () => {
    const table = new WordTable<{ surface: string }>(2);
    for (const surface of ['one', 'two', 'three']) table.add(word(surface));
    expect(table.size).toBe(2);
    expect(table.find('two', 0, 3)?.surface).toBe('two');
    expect(table.find('three', 0, 5)).toBeUndefined();
  });
});
