/**
 * Clausewise's own messages between the language server and its clients, declared once.
 * No imports at all, so the VS Code client can import this file as well as the server. The result
 * shapes mirror the core's types (workspace/coverage.ts); the server assigns the core's values to
 * them, so the compiler reports any drift.
 */

/** A request: its method name, with its parameter and result types (the two fields are never set). */
export interface RequestDeclaration<Params, Result> {
  readonly method: string;
  readonly params?: Params;
  readonly result?: Result;
}

/** A notification: its method name, with its parameter type (the field is never set). */
export interface NotificationDeclaration<Params> {
  readonly method: string;
  readonly params?: Params;
}

/** Scope of a request: a folder or file URI (its policy set, only documents under it); default the first workspace folder. */
export interface ScopeParams {
  uri?: string;
}

export type CoverageState = 'covered' | 'partial' | 'excluded' | 'gap';

/** One element of a claimed control as a document addresses it (the core's element-detection state). */
export interface ClaimElement {
  id: string;
  /** Found under a heading or lead-in, found in the text, a section left empty, or not found. */
  state: 'heading' | 'prose' | 'empty' | 'missing';
  /** 1-based line of the heading, lead-in or block where it was found (or of the heading left empty). */
  line?: number;
  /** The heading or lead-in, for the heading and empty states. */
  heading?: string;
  /** The words that matched, one per concept, for the prose state. */
  words?: string[];
}

/** One document's claim on a control, with what keeps it from covering the control. */
export interface CoverageClaim {
  path: string;
  documentId?: string;
  title?: string;
  status?: string;
  reviewDue?: string;
  overdue: boolean;
  missing: string[];
  empty: string[];
  /** Every element of the control in this document: its state and where it was found. */
  elements: ClaimElement[];
  /** Approved, current and complete. */
  complete: boolean;
  /** A projected claim: the ISO/IEC 27002:2013 ids the document names instead of this control. */
  via?: string[];
}

/** One document's exclusion of a control (Statement of Applicability). */
export interface CoverageExclusion {
  path: string;
  documentId?: string;
  owner?: string;
  justification?: string;
  until?: string;
  valid: boolean;
  problems: string[];
  /** A projected exclusion: the ISO/IEC 27002:2013 ids the document excludes instead of this control. */
  via?: string[];
}

export interface ControlCoverage {
  id: string;
  title: string;
  objectiveId: string;
  categoryId: string;
  essential: boolean;
  state: CoverageState;
  claims: CoverageClaim[];
  exclusions: CoverageExclusion[];
  /** Why the control is partial or a gap, in words a reviewer can act on. */
  reasons: string[];
}

export interface CoverageTotals {
  covered: number;
  partial: number;
  excluded: number;
  gap: number;
  total: number;
  applicable: number;
  coveredPercent: number;
}

export interface CatalogName {
  id: string;
  name: string;
  short: string;
}

export interface CoverageReport {
  catalog: CatalogName;
  today: string;
  controls: ControlCoverage[];
  totals: CoverageTotals;
}

/** `clausewise/coverage`: the coverage of every control of the catalog by the policy documents in scope. */
export const CoverageRequest: RequestDeclaration<ScopeParams | null, CoverageReport> = { method: 'clausewise/coverage' };

export interface CatalogElement {
  id: string;
  title: string;
}

export interface CatalogControl {
  id: string;
  title: string;
  essential: boolean;
  elements: CatalogElement[];
}

export interface CatalogObjective {
  id: string;
  title: string;
  /** The category holds its controls directly (ISO/IEC 27002:2022's themes): this objective only carries them, with the category's id and title. */
  implicit?: boolean;
  controls: CatalogControl[];
}

export interface CatalogCategory {
  id: string;
  title: string;
  objectives: CatalogObjective[];
}

export interface CatalogTree {
  catalog: CatalogName & { title: string };
  categories: CatalogCategory[];
}

/** `clausewise/catalog`: categories › objectives › controls of the catalog in scope, with the elements the config expects. */
export const CatalogRequest: RequestDeclaration<ScopeParams | null, CatalogTree> = { method: 'clausewise/catalog' };

/** A control a document claims, with the control's coverage state in the workspace. */
export interface DocumentClause {
  id: string;
  title?: string;
  /** The control's state across the policy set; `unknown` for ids the catalog does not have. */
  state: CoverageState | 'unknown';
  /** This document's elements for the control that are missing or empty. */
  missing: string[];
  empty: string[];
}

export interface PolicyDocumentInfo {
  uri: string;
  id?: string;
  title?: string;
  type?: string;
  status?: string;
  owner?: string;
  reviewDue?: string;
  overdue: boolean;
  clauses: DocumentClause[];
}

export interface DocumentsResult {
  documents: PolicyDocumentInfo[];
}

/** `clausewise/documents`: every policy document in scope (default: all of them), in path order. */
export const DocumentsRequest: RequestDeclaration<ScopeParams | null, DocumentsResult> = { method: 'clausewise/documents' };

export interface CoverageChangedParams {
  /** The folder of the policy set (its config's folder, or the workspace folder without a config). */
  uri: string;
  catalog: CatalogName;
  totals: CoverageTotals;
  /**
   * Grows each time the server's coverage of any policy set changes (never reused while the server
   * runs): a client refreshes its coverage views when it sees a new one, and need not on other events.
   */
  generation: number;
}

/** `clausewise/coverageChanged`: a policy set's coverage changed (any control's state, claims, elements or exclusions, or the totals). */
export const CoverageChangedNotification: NotificationDeclaration<CoverageChangedParams> = { method: 'clausewise/coverageChanged' };

/** A format the server renders a coverage report in, as `clausewise coverage --format` does. */
/** The coverage report's formats, and the Statement of Applicability's (from the SoA document, `type: soa`). */
export type CoverageReportFormat = 'html' | 'markdown' | 'csv' | 'soa-html' | 'soa-md' | 'soa-csv' | 'soa-xlsx';

export interface CoverageReportParams extends ScopeParams {
  format: CoverageReportFormat;
  /** The folder URI the report will be saved in: the HTML report's document links are relative to it. Default: the policy set's folder. */
  outputUri?: string;
}

export interface RenderedCoverageReport {
  format: CoverageReportFormat;
  /** The whole file: the same text `clausewise coverage --format F` writes for this policy set (base64 when `encoding` says so). */
  content: string;
  /** `base64` for a binary format (soa-xlsx): decode `content` before saving it. */
  encoding?: 'base64';
  /** A file name to suggest when saving (`statement-of-applicability.md`, …). */
  fileName: string;
  /** Where to save it by default: outside the config's include globs (the policy set's folder, or its `reports` folder). */
  suggestedUri?: string;
}

/** `clausewise/coverageReport`: the coverage of the policy set in scope, rendered by the CLI's formatter for `format`. */
export const CoverageReportRequest: RequestDeclaration<CoverageReportParams, RenderedCoverageReport> = { method: 'clausewise/coverageReport' };

export interface SuggestClausesParams {
  /** The document: open in the editor, tagged or not. */
  uri: string;
  /** At most this many suggestions (default 15). */
  limit?: number;
}

export interface ClauseSuggestionItem {
  id: string;
  title: string;
  /** 0–1: how strongly the document addresses the control. */
  score: number;
  /** The document's `clauses` already names it. */
  claimed: boolean;
  /** Why, in words: matching headings, cited ids, shared terms, neighbouring controls. */
  reasons: string[];
}

export interface SuggestClausesResult {
  suggestions: ClauseSuggestionItem[];
  /** False when the document has no frontmatter: adding clauses then prepends a draft block. */
  hasFrontmatter: boolean;
}

/** `clausewise/suggestClauses`: the catalog's controls ranked by how well the document addresses them. */
export const SuggestClausesRequest: RequestDeclaration<SuggestClausesParams, SuggestClausesResult> = { method: 'clausewise/suggestClauses' };

export interface AddClausesParams {
  uri: string;
  ids: string[];
}

/** An LSP text edit (zero-based lines, UTF-16 characters), spelled out so this file needs no imports. */
export interface PlainTextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/**
 * `clausewise/addClausesEdit`: the edit that adds the ids to the document's `clauses` in the list's
 * own style, or, for a document without frontmatter, prepends a draft block (id from the file name,
 * title from the level-1 heading, draft status, TODO owner) claiming them. Null when there is nothing
 * to add. The client applies it, so it is one undoable step.
 */
export const AddClausesEditRequest: RequestDeclaration<AddClausesParams, { changes: Record<string, PlainTextEdit[]> } | null> = { method: 'clausewise/addClausesEdit' };

/**
 * The server's "fix all" source action kind (`source.fixAll.clausewise`), which the client's "Fix All
 * Problems" asks for; also run by `editor.codeActionsOnSave: { "source.fixAll.clausewise": "explicit" }`.
 */
export const FIX_ALL_KIND = 'source.fixAll.clausewise';

/** The client command the server's "Suggest clauses…" code action runs when the client lists it in `initializationOptions.clientCommands`. */
export const SUGGEST_CLAUSES_COMMAND = 'clausewise.suggestClauses';

/** What migrating a workspace's policy set to ISO/IEC 27002:2022 changes (see `clausewise migrate`). */
export interface MigrateWorkspaceResult {
  /** The edits per document URI (each frontmatter, and the config's catalog line), to apply as one step. */
  changes: Record<string, PlainTextEdit[]>;
  /** How many policy documents the edits migrate. */
  documents: number;
  /** Documents left as they were, and why (for example a clauses list holding comments). */
  refused: { uri: string; reason: string }[];
  /** What happens to the config's catalog, in one sentence. */
  config: string;
}

/**
 * `clausewise/migrateWorkspace`: the edits that carry the policy set in scope from 2013 ids to ISO/IEC
 * 27002:2022, as `clausewise migrate --write` does; the client applies them, so the change is one undoable step.
 */
export const MigrateWorkspaceRequest: RequestDeclaration<ScopeParams | null, MigrateWorkspaceResult> = { method: 'clausewise/migrateWorkspace' };

/** A missing element of a claimed control, as the code lens lists it. */
export interface MissingElementItem {
  clause: string;
  controlTitle: string;
  element: string;
  title: string;
  /** The claim in `clauses` (where its missing-element diagnostic and fixes are). */
  range: PlainTextEdit['range'];
}

/** What to do with one missing element, when the command is run without asking (tests, other extensions). */
export interface MissingElementChoice {
  index: number;
  action: 'insert' | 'explain' | 'goto';
}

/**
 * The client command the code lens ("covers 2 controls · 8 elements missing") runs when the client
 * lists it in `initializationOptions.clientCommands`: arguments `[uri, MissingElementItem[]]`; the
 * client offers Insert / Explain / Go to for the element picked.
 */
export const SHOW_MISSING_ELEMENTS_COMMAND = 'clausewise.showMissingElements';
