import { describe, expect, it } from 'vitest';
import { elementQuotes } from '../../../server/src/policy/elementQuote';

const marked = (quote: { quote: string; marks: { start: number; end: number }[] } | undefined) => quote?.marks.map((mark) => quote.quote.slice(mark.start, mark.end));

describe('the quote of the block where an element was found', () => {
  it('marks a matched word where it stands as a word, not inside a longer word before it', () => {
    const text = '# Logging\n\nThe catalog of systems says which log each one keeps, reviewed monthly.\n';
    const quote = elementQuotes(text)({ id: 'log-review', state: 'prose', line: 3, words: ['log', 'monthly'] });
    expect(quote?.quote).toBe('The catalog of systems says which log each one keeps, reviewed monthly.');
    expect(quote?.marks).toEqual([{ start: 34, end: 37 }, { start: 63, end: 70 }]);
    expect(marked(quote)).toEqual(['log', 'monthly']);
  });

  it('marks a matched stem at the start of a longer word, and nothing for a word found only inside words', () => {
    const quote = elementQuotes('Keep the catalog of backups and the dialog box.\n')({ id: 'x', state: 'prose', line: 1, words: ['log', 'backup'] });
    expect(marked(quote)).toEqual(['backup']);
  });

  it('reads the lines of one text for each element: a heading with the text under it, an element not found', () => {
    const quoteOf = elementQuotes('## Backup scope\n\nThe EHR database is backed up.\n\n## Retention\n');
    expect(quoteOf({ id: 'scope', state: 'heading', line: 1, heading: 'Backup scope' })).toEqual({ quote: 'Backup scope The EHR database is backed up.', marks: [{ start: 0, end: 12 }] });
    expect(quoteOf({ id: 'retention', state: 'empty', line: 5, heading: 'Retention' })).toEqual({ quote: 'Retention', marks: [{ start: 0, end: 9 }] });
    expect(quoteOf({ id: 'restore', state: 'missing' })).toBeUndefined();
  });
});
