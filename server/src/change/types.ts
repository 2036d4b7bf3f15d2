import type { CoverageState } from '../model/coverage';
import type { ElementState } from '../policy/elementMatch';
import type { Severity } from '../findings/types';

/** One side of a change: a commit, or the work tree (commit null). */
export interface Revision {
  /** What the user named (origin/main, HEAD) or how it was found ("merge base with origin/main"). */
  ref: string;
  commit: string | null;
}

/** A finding as a change report carries it: its place in the side it belongs to. */
export interface ChangeFinding {
  ruleId: string;
  severity: Severity;
  /** Relative to the repository root, `/`-separated. */
  path: string;
  line: number;
  column: number;
  message: string;
  clause?: string;
  element?: string;
  /** The elements of a finding about several (missing-element, one per control). */
  elements?: { id: string; title: string }[];
}

export interface ElementChange {
  clause: string;
  element: string;
  title: string;
  before: ElementState;
  after: ElementState;
  /** Where it is found now (1-based), when it is. */
  line?: number;
}

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface DocumentChangeReport {
  path: string;
  change: 'added' | 'removed' | 'renamed' | 'modified';
  /** The base path of a renamed document. */
  from?: string;
  /** git's similarity of a rename, in percent. */
  similarity?: number;
  id: string | null;
  title: string | null;
  clausesAdded: string[];
  clausesRemoved: string[];
  exclusionsAdded: string[];
  exclusionsRemoved: string[];
  elements: ElementChange[];
  fields: FieldChange[];
}

export interface ControlChange {
  id: string;
  title: string;
  before: CoverageState | null;
  after: CoverageState | null;
}

export interface CoverageTotals {
  covered: number;
  partial: number;
  excluded: number;
  gap: number;
  applicable: number;
  coveredPercent: number;
}

/** What a change does to the policy set: `clausewise diff --format json` (controls/schema/diff-report.schema.json). */
export interface ChangeReport {
  format: 1;
  base: Revision;
  head: Revision;
  verdict: string;
  summary: {
    documentsAdded: number;
    documentsRemoved: number;
    documentsRenamed: number;
    documentsModified: number;
    controlsLosingCoverage: number;
    controlsGainingCoverage: number;
    newFindings: number;
    newErrors: number;
    resolvedFindings: number;
    approvedWithoutNewVersion: number;
  };
  documents: DocumentChangeReport[];
  controls: ControlChange[];
  totals: { before: CoverageTotals; after: CoverageTotals };
  findings: { new: ChangeFinding[]; resolved: ChangeFinding[] };
  /** Things the reader should know about how the comparison was made. */
  notes: string[];
}
