import type { Catalog } from '../catalog/catalog';
import type { ResolvedConfig } from '../config/types';
import type { PolicyDocument, Range } from '../document/types';
import type { FindingElement, Fix, RelatedPlace, Severity } from '../findings/types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { DocumentSummary } from '../workspace/summary';

/** What a rule sees: the parsed document, its summary, and the workspace around it. */
export interface RuleContext {
  document: PolicyDocument;
  summary: DocumentSummary;
  catalog: Catalog;
  config: ResolvedConfig;
  index: WorkspaceIndex;
  /** Today as YYYY-MM-DD (injectable for tests). */
  today: string;
  fileExists(path: string): boolean;
  /** The documents at the revision a change is compared with (check --base, diff); absent otherwise. */
  base?: BaseRevision;
  report(finding: FindingInput): void;
}

/** The documents as they were at a base revision, for the rules about change discipline. */
export interface BaseRevision {
  /** How findings name it: "origin/main (3f2a1bc)". */
  label: string;
  /** The document's text at the base (under its old path when renamed), or undefined when it is new. */
  textOf(path: string): string | undefined;
}

export interface FindingInput {
  message: string;
  range: Range;
  fixes?: Fix[];
  clause?: string;
  element?: string;
  elements?: FindingElement[];
  related?: RelatedPlace[];
}

/** One rule, one module: metadata plus a check that reports through the context. */
export interface Rule {
  /** Stable kebab-case id, used in config, suppressions and output. */
  id: string;
  /** One line: what the rule finds. */
  description: string;
  severity: Severity;
  fixable: boolean;
  /**
   * Whether the rule reads other documents (re-run when the workspace changes). Workspace rules
   * may read only the summary and the document's path, lineStarts and suppressions: they also run
   * on documents parsed in another thread.
   */
  workspace: boolean;
  /** Longer explanation for docs/rules.md: why it matters and how to fix it. */
  rationale: string;
  check(context: RuleContext): void;
}
