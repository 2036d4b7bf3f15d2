/**
 * The messages that take a policy set from an untagged folder, or a gap, to a decision: adopt the
 * folder, exclude a control, find where a control could go. Typed RequestType objects, as in
 * customMessages.ts, that the server registers its handlers with and the client sends.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { PlainTextEdit, ScopeParams } from './customMessages';

/** One file `adopt` gives a draft frontmatter block. */
export interface AdoptedFile {
  uri: string;
  id: string;
  type: string;
  clauses: string[];
}

/** What adopting a folder would change: one prepended block per untagged policy, and the files left alone with why. */
export interface AdoptFolderResult {
  /** Per document URI, the edit that prepends its draft block (nothing else of the file changes). */
  changes: Record<string, PlainTextEdit[]>;
  adopted: AdoptedFile[];
  skipped: { uri: string; reason: string }[];
}

/**
 * `clausewise/adoptFolder`: for the Markdown files of the folder in scope (default the first workspace
 * folder) that have no frontmatter, the draft blocks `clausewise adopt` proposes, as edits for the
 * client to preview and apply. Nothing is written by the server.
 */
export const AdoptFolderRequest = new RequestType<ScopeParams | null, AdoptFolderResult, void>('clausewise/adoptFolder');

export interface ExcludeControlParams extends ScopeParams {
  /** The control to exclude. */
  id: string;
  /** Why it does not apply, in the author's words. */
  justification: string;
}

export interface ExcludeControlResult {
  /** The document the exclusion goes into: the set's SoA, else its exclusions record, else a new file. */
  uri: string;
  /** True when that document does not exist yet: create it with `text`. */
  create: boolean;
  /** The whole text of the new document (when `create`). */
  text?: string;
  /** The edit that adds the exclusion to an existing document (when not `create`). */
  changes: Record<string, PlainTextEdit[]>;
  /** The 0-based line of the new entry's `clause:` in the document once the edit is applied (or in `text`). */
  line: number;
}

/**
 * `clausewise/excludeControlEdit`: the edit that adds `{ clause, justification }` to `excludes` of the
 * policy set's Statement of Applicability (or exclusions record), or a new exclusions record holding
 * it. Refused, with the reason, for a control the set claims, already excludes, or may not exclude.
 */
export const ExcludeControlEditRequest = new RequestType<ExcludeControlParams, ExcludeControlResult, void>('clausewise/excludeControlEdit');

export interface ControlPlacesParams extends ScopeParams {
  id: string;
  /** At most this many documents (default 10). */
  limit?: number;
}

/** A document that could claim a control, with how well its text addresses it. */
export interface ControlPlace {
  uri: string;
  documentId?: string;
  title?: string;
  /** The suggestion score of the control for this document, 0–1. */
  score: number;
  claimed: boolean;
  reasons: string[];
}

/** The control asked about, and the documents whose text addresses it best (at most `limit`), best first. */
export interface ControlPlacesResult {
  id: string;
  title: string;
  places: ControlPlace[];
}

/**
 * `clausewise/controlPlaces`: the suggestion ranking turned around: for one control, the policy
 * documents of the set in scope whose text addresses it best, best first (only those with any evidence).
 */
export const ControlPlacesRequest = new RequestType<ControlPlacesParams, ControlPlacesResult, void>('clausewise/controlPlaces');
