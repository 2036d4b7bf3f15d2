import { formatDuration } from '../config/duration';
import { reviewDue } from '../model/review';
import type { DocumentRule } from './types';

export const reviewOverdue: DocumentRule = {
  id: 'review-overdue',
  description: 'The document’s review date has passed',
  severity: 'warning',
  fixable: false,
  workspace: false,
  rationale:
    'Policies are reviewed on a cycle. The next review is `next-review`, or `last-reviewed` (else `effective`) plus `review-every` (else the config’s `review-every`, 12 months by default). Review the document, then update `last-reviewed`. Retired documents are not checked. `--today` fixes the date for reproducible runs.',
  check({ document, summary, config, today, report }) {
    const fields = document.frontmatter?.fields;
    if (!fields || summary.status === 'retired') return;
    const review = reviewDue(summary, config);
    if (!review || review.due >= today) return;
    const range = fields.get(review.basis)!.valueRange;
    if (review.basis === 'next-review') {
      report({ message: `review was due on ${review.due} (next-review); review the document and set a new next-review`, range });
    } else {
      report({ message: `review was due on ${review.due} (${review.basis} ${review.from}, every ${formatDuration(review.cycle!)}); review the document and update last-reviewed`, range });
    }
  },
};
