import { addDuration, formatDuration, isCalendarDate, parseDuration } from '../config/duration';
import type { Rule } from './types';

export const reviewOverdue: Rule = {
  id: 'review-overdue',
  description: 'The document’s review date has passed',
  severity: 'warning',
  fixable: false,
  workspace: false,
  rationale:
    'Policies are reviewed on a cycle. The next review is `next-review`, or `last-reviewed` (else `effective`) plus `review-every` (else the config’s `review-every`, 12 months by default). Review the document, then update `last-reviewed`. Retired documents are not checked. `--today` fixes the date for reproducible runs.',
  check({ document, summary, config, today, report }) {
    const fields = document.frontmatter?.fields;
    if (!fields || !summary.isPolicy || summary.status === 'retired') return;
    const next = summary.nextReview;
    if (next && isCalendarDate(next)) {
      if (next < today) report({ message: `review was due on ${next} (next-review); review the document and set a new next-review`, range: fields.get('next-review')!.valueRange });
      return;
    }
    const baseKey = summary.lastReviewed && isCalendarDate(summary.lastReviewed) ? 'last-reviewed' : summary.effective && isCalendarDate(summary.effective) ? 'effective' : undefined;
    if (!baseKey) return;
    const base = baseKey === 'last-reviewed' ? summary.lastReviewed! : summary.effective!;
    const cycle = (summary.reviewEvery && parseDuration(summary.reviewEvery)) || config.reviewEvery;
    const due = addDuration(base, cycle);
    if (due >= today) return;
    report({
      message: `review was due on ${due} (${baseKey} ${base}, every ${formatDuration(cycle)}); review the document and update last-reviewed`,
      range: fields.get(baseKey)!.valueRange,
    });
  },
};
