import { addDuration, isCalendarDate, parseDuration } from '../config/duration';
import type { Duration, ResolvedConfig } from '../config/types';
import type { DocumentSummary } from './summary';

export interface ReviewDue {
  due: string;
  /** Which key the due date comes from. */
  basis: 'next-review' | 'last-reviewed' | 'effective';
  /** The date of that key. */
  from: string;
  cycle?: Duration;
}

/** When the document's next review is due: next-review, else last-reviewed (or effective) plus the cycle. */
export function reviewDue(summary: DocumentSummary, config: ResolvedConfig): ReviewDue | undefined {
  if (summary.nextReview && isCalendarDate(summary.nextReview)) return { due: summary.nextReview, basis: 'next-review', from: summary.nextReview };
  const basis = summary.lastReviewed && isCalendarDate(summary.lastReviewed) ? 'last-reviewed' : summary.effective && isCalendarDate(summary.effective) ? 'effective' : undefined;
  if (!basis) return undefined;
  const from = basis === 'last-reviewed' ? summary.lastReviewed! : summary.effective!;
  const cycle = (summary.reviewEvery && parseDuration(summary.reviewEvery)) || config.reviewEvery;
  return { due: addDuration(from, cycle), basis, from, cycle };
}

/** True when a live (not retired) document's review date has passed. */
export function isOverdue(summary: DocumentSummary, config: ResolvedConfig, today: string): boolean {
  if (summary.status === 'retired') return false;
  const review = reviewDue(summary, config);
  return review !== undefined && review.due < today;
}
