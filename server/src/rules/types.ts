import type { Catalog } from '../catalog/catalog';
import type { Control } from '../catalog/types';
import type { ResolvedConfig } from '../config/types';
import type { PolicyDocument, Range } from '../document/types';
import type { FindingElement, Fix, RelatedPlace, Severity } from '../findings/types';
import type { ControlCoverage } from '../model/coverage';
import type { DocumentSummary } from '../model/summary';
import type { SummaryIndex } from '../model/summaryIndex';

/** What every rule sees: the summary of the document it checks, the catalog, the config and the date. */
interface CommonContext {
  summary: DocumentSummary;
  catalog: Catalog;
  config: ResolvedConfig;
  /** Today as YYYY-MM-DD (injectable for tests). */
  today: string;
  report(finding: FindingInput): void;
}

/** What a rule that reads only its own document sees: the full parse, and nothing of the other documents. */
export interface DocumentRuleContext extends CommonContext {
  document: PolicyDocument;
}

/**
 * What a workspace rule sees: the index of the policy set and the files around the document, but of
 * the document itself only its summary, path and text, and its frontmatter when the parse is at hand.
 * Workspace rules also run on documents parsed in a checking thread, of which the server keeps no parse.
 */
export interface WorkspaceRuleContext extends CommonContext {
  document: Pick<PolicyDocument, 'path' | 'text' | 'frontmatter'>;
  index: SummaryIndex;
  /** A control's coverage in the policy set on `today`, kept between changes (computed again only where the documents changed). */
  coverageOf(control: Control): ControlCoverage;
  fileExists(path: string): boolean;
  /** The documents at the revision a change is compared with (check --base, diff); absent otherwise. */
  base?: BaseRevision;
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

/**
 * What a workspace rule reads of documents other than the one it checks. The engine re-checks a
 * document when a change to another one alters what the document's rules read, and only then.
 */
export type OtherDocumentsRead =
  /** The other documents with the same id. */
  | 'same-id'
  /** Whether the ids `related` names belong to documents, and the nearest ids when they do not. */
  | 'related-ids'
  /** Whether the files the body's links point to exist. */
  | 'link-targets'
  /** Which documents claim the controls this one excludes, and their ids. */
  | 'claims-of-excluded-controls'
  /** The coverage of every control: each document's claims, exclusions, id, title, status, owner, dates and elements. */
  | 'coverage';

/**
 * Which files a rule checks: policy documents (the default); only the Statement of Applicability
 * documents (`type: soa`) among them; or every file considered, policy or not, since a file that could
 * not be read or parsed may be a policy (say so rather than skip it).
 */
export type RuleScope = 'policies' | 'soa-documents' | 'every-file';

/** One rule, one module: metadata plus a check that reports through the context. */
interface RuleMetadata {
  /** Stable kebab-case id, used in config, suppressions and output. */
  id: string;
  /** One line: what the rule finds. */
  description: string;
  severity: Severity;
  fixable: boolean;
  /** Which files the rule checks (default: policy documents). */
  scope?: RuleScope;
  /** Longer explanation for docs/rules.md: why it matters and how to fix it. */
  rationale: string;
}

/** A rule that reads only the document it checks: it runs once per change of that document, on any thread. */
export interface DocumentRule extends RuleMetadata {
  workspace: false;
  check(context: DocumentRuleContext): void;
}

/** A rule that reads other documents (or the base revision): it runs again when what it reads of them changes. */
export interface WorkspaceRule extends RuleMetadata {
  workspace: true;
  /** What it reads of the other documents (none for a rule that reads only the base revision). */
  reads: readonly OtherDocumentsRead[];
  check(context: WorkspaceRuleContext): void;
}

export type Rule = DocumentRule | WorkspaceRule;
