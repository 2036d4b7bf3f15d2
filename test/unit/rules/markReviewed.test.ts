import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../server/src/config/load';
import { parsePolicyDocument } from '../../../server/src/document/parse';
import { applyFixes } from '../../../server/src/findings/applyFixes';
import { markReviewedEdits } from '../../../server/src/rules/markReviewed';

const TODAY = '2026-12-05';

/** The text after marking it reviewed on TODAY, or the refusal. */
function marked(text: string): { text: string; nextReview?: string } | string {
  const result = markReviewedEdits(parsePolicyDocument('/ws/p.md', text), defaultConfig('/ws'), TODAY);
  if (typeof result === 'string') return result;
  return { text: applyFixes(text, [{ title: 'mark', edits: result.edits, automatic: false }]).text, nextReview: result.nextReview };
}

describe('mark as reviewed', () => {
  it('replaces last-reviewed and keeps every other byte: comments, quotes, CRLF, spacing', () => {
    const text = '---\r\nid: P-1   # the id\r\nlast-reviewed:   "2024-05-01"  # by the board\r\nreview-every: 6 months\r\n---\r\n# P\r\n';
    expect(marked(text)).toEqual({ text: text.replace('"2024-05-01"', `"${TODAY}"`), nextReview: undefined });
  });

  it('moves next-review on by the document\'s review-every when the document keeps next-review', () => {
    const text = '---\nid: P-1\nlast-reviewed: 2024-05-01\nnext-review: 2025-05-01\nreview-every: 6 months\n---\nBody\n';
    expect(marked(text)).toEqual({ text: text.replace('2024-05-01', TODAY).replace('2025-05-01', '2027-06-05'), nextReview: '2027-06-05' });
  });

  it('uses the config\'s cycle (12 months by default) for next-review when the document has no review-every', () => {
    const text = '---\nid: P-1\nnext-review: 2025-05-01\n---\nBody\n';
    expect(marked(text)).toEqual({ text: '---\nid: P-1\nnext-review: 2027-12-05\nlast-reviewed: 2026-12-05\n---\nBody\n', nextReview: '2027-12-05' });
  });

  it('adds last-reviewed at the end of the frontmatter at the mapping\'s indentation, and fills a key left empty', () => {
    expect(marked('---\nid: P-1\nowner: CISO\n---\n')).toEqual({ text: `---\nid: P-1\nowner: CISO\nlast-reviewed: ${TODAY}\n---\n`, nextReview: undefined });
    expect(marked('---\nid: P-1\nlast-reviewed:\nowner: CISO\n---\n')).toEqual({ text: `---\nid: P-1\nlast-reviewed: ${TODAY}\nowner: CISO\n---\n`, nextReview: undefined });
  });

  it('refuses, saying what to do, when there is no frontmatter or it does not parse', () => {
    expect(marked('# Just a heading\n')).toMatch(/no frontmatter; insert one first/);
    expect(marked('---\nid: [P-1\n---\n')).toMatch(/not a YAML mapping that parses; fix the frontmatter errors first/);
  });
});
