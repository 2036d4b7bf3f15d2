/**
 * The control page's and the exclusion register's messages, declared once as typed request types
 * that the server and the VS Code client both import. Besides the protocol's RequestType, only type
 * imports from customMessages.ts.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { CatalogName, CoverageState, ScopeParams } from './customMessages';

/** Which control to show, in the policy set of `uri` (a folder or file; default the first workspace folder). */
export interface ControlPageParams extends ScopeParams {
  /** The control's id as a user writes it (`9.4.2`, `A.9.4.2`, `ISO 27799 9.4.2`). */
  id: string;
}

/** A span of a quote to mark: the words that matched (the heading's words, or the evidence found). */
export interface QuoteMark {
  start: number;
  end: number;
}

/** One element of the control as a claiming document addresses it. */
export interface ControlPageElement {
  id: string;
  title: string;
  /** Found under a heading or lead-in, found in the text, a section left empty, or not found. */
  state: 'heading' | 'prose' | 'empty' | 'missing';
  /** Zero-based line of the heading, lead-in or block where it was found (or of the heading left empty); ClaimElement.line is 1-based. */
  line?: number;
  /** The words of the block that addresses it, cut to a short quote (for every state but missing). */
  quote?: string;
  /** The spans of `quote` that matched, in order. */
  marks: QuoteMark[];
  /** What to write when the element is missing or empty: Clausewise's hint, in its own words. */
  hint?: string;
}

/** A document that claims the control: its approval facts and how it addresses each element. */
export interface ControlPageClaim {
  uri: string;
  /** The document's path relative to the policy set's folder. */
  path: string;
  documentId?: string;
  title?: string;
  owner?: string;
  status?: string;
  version?: string;
  approvedBy?: string;
  effective?: string;
  lastReviewed?: string;
  reviewDue?: string;
  overdue: boolean;
  /** Approved, current and every element addressed. */
  complete: boolean;
  /** Zero-based line of the claim in `clauses`. */
  line: number;
  /** A projected claim: the ISO/IEC 27002:2013 ids the document names instead of this control. */
  via?: string[];
  elements: ControlPageElement[];
}

/** An `excludes` entry as written in a document, and how it stands on the policy set's today. */
export interface WrittenExclusion {
  uri: string;
  /** The document's path relative to the policy set's folder. */
  path: string;
  documentId?: string;
  /** The excluding document's owner. */
  owner?: string;
  justification?: string;
  until?: string;
  /** Its `until` is before the policy set's today. */
  expired: boolean;
  /** It takes every control it names (or, an ISO/IEC 27002:2013 id under the 2022 catalog, is read as) out of scope. */
  valid: boolean;
  /** Why the exclusion itself is not valid: no or too short a justification, expired, essential, no control of the catalog. */
  problems: string[];
  /** What it does to coverage: "excludes 11.1.6", "11.1.6 (2013) — partial: 7.2 stays in scope until 11.1.2 is also excluded", "unknown control, no effect". */
  effect: string;
  /** Zero-based line of the entry in `excludes`. */
  line: number;
}

/** The control's links into another framework (HIPAA Security Rule, ISO/IEC 27002:2022, …). */
export interface ControlPageMapping {
  framework: string;
  title: string;
  /** "derived, not official", "reviewed". */
  notes: string[];
  links: { id: string; title?: string; addedInReview: boolean }[];
}

export interface ControlPage {
  catalog: CatalogName;
  today: string;
  id: string;
  title: string;
  /** Category and objective, each "id title". */
  place: string[];
  /** Clausewise's guidance, in its own words (never the standard's text). */
  summary: string;
  health?: string;
  essential: boolean;
  state: CoverageState;
  /** Why the control is partial or a gap. */
  reasons: string[];
  /** The elements the policy set expects of a document claiming the control. */
  elements: { id: string; title: string }[];
  claims: ControlPageClaim[];
  exclusions: WrittenExclusion[];
  mappings: ControlPageMapping[];
}

/** `clausewise/controlPage`: one control with its elements as each claiming document addresses them, its documents, exclusions and mappings. */
export const ControlPageRequest = new RequestType<ControlPageParams, ControlPage, void>('clausewise/controlPage');

/** One exclusion of the policy set, as the register lists it. */
export interface ExclusionRegisterEntry extends WrittenExclusion {
  /** The id as the document writes it, normalised when the catalog knows it. */
  controlId: string;
  /** Absent when the catalog has no such control. */
  controlTitle?: string;
  /** An ISO/IEC 27002:2013 id under the 2022 catalog: the controls it is read as (coverage reads the exclusion so). */
  readAs?: { id: string; title: string }[];
  documentTitle?: string;
}

export interface ExclusionRegister {
  catalog: CatalogName;
  today: string;
  /** Expired ones first (the longest expired first), then those not valid, then the rest, in catalog order. */
  entries: ExclusionRegisterEntry[];
}

/** `clausewise/exclusionRegister`: every exclusion written in the policy set in scope, expired ones first. */
export const ExclusionRegisterRequest = new RequestType<ScopeParams | null, ExclusionRegister, void>('clausewise/exclusionRegister');

/** The client command that opens the control page (argument: the control id); the clause hover links to it when the client lists it in `clientCommands`. */
export const SHOW_CONTROL_COMMAND = 'clausewise.showControl';
