/**
 * Clausewise's own messages between the language server and its clients, declared once as real
 * request and notification types (as vscode-eslint's shared module does): the server registers its
 * handlers with them and the VS Code client sends with them, so params and results are inferred on
 * both sides and the compiler reports any drift. The coverage shapes are the core's own types,
 * re-exported (type-only), not mirrored. There are four protocol modules: this one (coverage, catalog,
 * documents, coverage report, clause suggestions, migration), controlMessages.ts (control page, exclusion
 * register), gapMessages.ts (adopt a folder, exclude a control, where a control could go) and
 * reviewMessages.ts (mark reviewed). The client imports these and `shared/`, nothing else from server/src.
 *
 * Lines: every `line` of these messages is 0-based, as LSP positions are (ControlPageElement, ControlPageClaim,
 * WrittenExclusion, ExcludeControlResult), except ClaimElement.line, which is the index's own ElementStatus
 * and 1-based, as the CLI prints lines.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { CoverageReport, CoverageState } from '../model/coverage';

export type { Claim as CoverageClaim, ControlCoverage, CoverageReport, CoverageState, ExclusionEntry as CoverageExclusion } from '../model/coverage';
/** An element as a claiming document addresses it; its `line` is 1-based (the index's, as the CLI prints it). */
export type { ElementStatus as ClaimElement } from '../model/summary';

/** Scope of a request: a folder or file URI (its policy set, only documents under it); default the first workspace folder. */
export interface ScopeParams {
  uri?: string;
}

export type CoverageTotals = CoverageReport['totals'];
export type CatalogName = CoverageReport['catalog'];

/** `clausewise/coverage`: the coverage of every control of the catalog by the policy documents in scope. */
export const CoverageRequest = new RequestType<ScopeParams | null, CoverageReport, void>('clausewise/coverage');

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
export const CatalogRequest = new RequestType<ScopeParams | null, CatalogTree, void>('clausewise/catalog');

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
export const DocumentsRequest = new RequestType<ScopeParams | null, DocumentsResult, void>('clausewise/documents');

export interface CoverageChangedParams {
  /** The folder of the policy set (its config's folder, or the workspace folder without a config). */
  uri: string;
  catalog: CatalogName;
  totals: CoverageTotals;
  /**
   * Grows each time the server's coverage of any policy set changes, or what the views list of its
   * documents (id, title, type, status, owner, version, approval and review dates); never reused while
   * the server runs: a client refreshes its views when it sees a new one, and need not on other events.
   */
  generation: number;
}

/** `clausewise/coverageChanged`: a policy set's coverage changed (any control's state, claims, elements or exclusions, or the totals). */
export const CoverageChangedNotification = new NotificationType<CoverageChangedParams>('clausewise/coverageChanged');

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

/** `clausewise/coverageReport`: the coverage of the policy set in scope, rendered by the report module (server/src/report) as `clausewise coverage --format` renders it. */
export const CoverageReportRequest = new RequestType<CoverageReportParams, RenderedCoverageReport, void>('clausewise/coverageReport');

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
export const SuggestClausesRequest = new RequestType<SuggestClausesParams, SuggestClausesResult, void>('clausewise/suggestClauses');

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
export const AddClausesEditRequest = new RequestType<AddClausesParams, { changes: Record<string, PlainTextEdit[]> } | null, void>('clausewise/addClausesEdit');

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
export const MigrateWorkspaceRequest = new RequestType<ScopeParams | null, MigrateWorkspaceResult, void>('clausewise/migrateWorkspace');

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
