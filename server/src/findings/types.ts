import type { Range } from '../document/types';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** Replace the text in range with newText (an insertion when the range is empty). */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** A fix expressed as data: the editor shows it as a quick fix, the CLI applies it with --fix. */
export type Fix = FixFields & (
  | {
      /** Applied by --fix and "fix all": false when it is one guess among several, or the author's decision. */
      automatic: boolean;
      claims?: undefined;
    }
  | {
      /** Claiming a control is the author's decision: such a fix is never applied by --fix or fix-all. */
      automatic: false;
      /** The controls the fix adds to `clauses`. */
      claims: string[];
    }
);

interface FixFields {
  title: string;
  edits: TextEdit[];
  /** What to select once the fix is applied (the TODO of an inserted section): offsets into one edit's newText. */
  select?: { edit: number; start: number; end: number };
  /**
   * The element sections the fix inserts as stubs for the author to write: fix-all's summary counts
   * them, and does not count the empty-section finding a stub itself makes as left to the author.
   */
  stubs?: { clause: string; element: string }[];
}

/** The core's own diagnostic type; the LSP and the CLI convert it at the edge. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  path: string;
  range: Range;
  fixes: Fix[];
  /** The clause and element the finding is about, when there is one. */
  clause?: string;
  element?: string;
  /** The elements a finding about several is about (missing-element: one finding per control). */
  elements?: FindingElement[];
  /** Other places that belong to the finding, each with a note (LSP related information, SARIF related locations). */
  related?: RelatedPlace[];
}

/** An element of a control, as a finding names it. */
export interface FindingElement {
  id: string;
  title: string;
}

/** A place that belongs to a finding, with what it says there. */
export interface RelatedPlace {
  message: string;
  range: Range;
}
