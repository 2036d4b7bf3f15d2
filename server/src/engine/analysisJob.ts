import type { ReadProblem } from '../document/types';
import type { TransferredDocument } from '../document/transfer';
import type { SeveritySetting } from '../findings/types';
import type { AnalyzedDocument } from './analyzedDocument';
import type { PackedFindings } from './packedFindings';

/** One document to analyse on a checking thread: its text and how to find its config. */
export interface AnalysisJob {
  path: string;
  text: string;
  problem?: ReadProblem;
  configFile?: string;
  /** The config's text when it is not the file on disk (a past revision's, read through git). */
  configText?: string;
  cwd: string;
  today: string;
  /** The time limit of its config (`limits.parse-seconds`): past it the thread is stopped and the document reported as too complex. */
  parseSeconds: number;
  /** For documents without a config file: an editor's default rule severities and catalog. */
  defaultRules?: Record<string, SeveritySetting>;
  defaultCatalog?: string;
  /** The catalog the main thread resolved for the document's set, whatever its config names (the config was vetted there). */
  catalog?: string;
  /** Use the config without its wrong parts, as the main thread does (the editor: see CatalogPolicy.dropInvalid). */
  dropInvalid?: boolean;
  /** Parse and summarise only, no rules (coverage and trace; with scoreSuggestions, the scores alone). */
  indexOnly?: boolean;
  /** Send the parsed document back too (an editor's open document: hover and completion read it). */
  keepDocument?: boolean;
  /** Send each fix's title and whether it is automatic, not its edits (a language server's closed document: see SessionDocument.fixEdits). */
  fixNotesOnly?: boolean;
  /** Keep each control's suggestion score in the analysis, when the document is a policy (see AnalyzedDocument.suggestionScores); off at indexing. */
  scoreSuggestions?: boolean;
  /** Files that count as existing though they may not be on disk (an editor's unsaved documents). */
  openPaths?: string[];
  /** Set when an earlier try ran out of time: the job is then only reported, not parsed. */
  stopped?: boolean;
}

/** What a checking thread gives back for one job. */
export interface AnalysisResult {
  analyzed: AnalyzedDocument;
  document?: TransferredDocument;
  /** Rules that threw (each is a finding too), for a server's log. */
  ruleErrors?: { ruleId: string; error: string }[];
}

export type WorkerRequest = { request: number; jobs: AnalysisJob[] };
/** The results leave their findings empty: `findings` carries them, packed (see PackedFindings). */
export type WorkerResponse = { request: number; results: AnalysisResult[]; findings: PackedFindings } | { request: number; error: string };
