import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { markReviewedEdits } from '../rules/markReviewed';
import type { MarkReviewedParams, MarkReviewedResult } from '../protocol/reviewMessages';
import type { ServerContext } from './context';
import { toLspEdits } from './conversion';
import { openEntry } from './openDocument';


/** clausewise/markReviewedEdit: set `last-reviewed` (and `next-review` when the document keeps it) to record a review today. */
export async function markReviewedEdit(context: ServerContext, params: MarkReviewedParams, token?: CancellationToken): Promise<MarkReviewedResult> {
  const entry = await openEntry(context, params.uri, token);
  const today = context.workspace.session.today(entry.set);
  const result = markReviewedEdits(entry.document!, entry.set.config, today);
  if (typeof result === 'string') throw new ResponseError(ErrorCodes.InvalidRequest, `${entry.path} cannot be marked as reviewed: ${result}`);
  return { changes: { [params.uri]: toLspEdits(entry.treeless, result.edits) }, lastReviewed: result.lastReviewed, ...(result.nextReview ? { nextReview: result.nextReview } : {}) };
}
