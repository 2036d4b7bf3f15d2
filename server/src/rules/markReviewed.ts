import { addDuration, parseDuration } from '../config/duration';
import type { ResolvedConfig } from '../config/types';
import type { PolicyDocument } from '../document/types';
import type { TextEdit } from '../findings/types';
import { replaceScalar } from './edits';
import { addKeyEdit } from './frontmatterKeyEdit';

const NOT_A_MAPPING = 'its frontmatter is not a YAML mapping that parses; fix the frontmatter errors first';

/** The edits that record a review, and the dates they write. */
export interface ReviewEdits {
  edits: TextEdit[];
  lastReviewed: string;
  /** Set only when the document keeps a `next-review` date. */
  nextReview?: string;
}

/**
 * Records that the document was reviewed `today`: `last-reviewed` becomes today (added at the end of
 * the frontmatter when missing), and a document that keeps `next-review` gets today plus its
 * `review-every` (else the config's cycle). Only those values change: every other byte stays. A
 * string when there is no YAML frontmatter mapping to write to, saying what to do.
 */
export function markReviewedEdits(document: PolicyDocument, config: ResolvedConfig, today: string): ReviewEdits | string {
  const frontmatter = document.frontmatter;
  if (!frontmatter) return 'it has no frontmatter; insert one first ("Clausewise: Insert Policy Skeleton…" or "Suggest Clauses…")';
  if (frontmatter.format !== 'yaml' || !frontmatter.data) return NOT_A_MAPPING;
  const edits: TextEdit[] = [];
  const set = (key: string, value: string): boolean => {
    const field = frontmatter.fields.get(key);
    if (!field) return false;
    const range = field.valueRange;
    // `last-reviewed:` with no value: the date goes after the colon, with a space.
    edits.push(range.start === range.end ? { range, newText: ` ${value}` } : replaceScalar(document, range, value));
    return true;
  };
  if (!set('last-reviewed', today)) {
    const added = addKeyEdit(document, 'last-reviewed', today);
    if (!added) return NOT_A_MAPPING;
    edits.push(added);
  }
  if (!frontmatter.fields.has('next-review')) return { edits, lastReviewed: today };
  const every = frontmatter.fields.get('review-every')?.value;
  const cycle = (typeof every === 'string' && parseDuration(every)) || config.reviewEvery;
  const nextReview = addDuration(today, cycle);
  set('next-review', nextReview);
  return { edits, lastReviewed: today, nextReview };
}
