/** The reviewer's messages (mark a document reviewed), declared as customMessages.ts declares the others. */
import { RequestType } from 'vscode-languageserver-protocol';
import type { PlainTextEdit } from './customMessages';

export interface MarkReviewedParams {
  /** The open document to mark. */
  uri: string;
}

export interface MarkReviewedResult {
  /** The edit to apply: only the values of `last-reviewed` (added when missing) and `next-review` change. */
  changes: Record<string, PlainTextEdit[]>;
  /** The date written to `last-reviewed` (the policy set's today: the config's `today`, else the real date). */
  lastReviewed: string;
  /** The date written to `next-review`, when the document keeps one: today plus its `review-every` (else the config's). */
  nextReview?: string;
}

/** `clausewise/markReviewedEdit`: the edit that records a review of an open document today. */
export const MarkReviewedEditRequest = new RequestType<MarkReviewedParams, MarkReviewedResult, void>('clausewise/markReviewedEdit');
