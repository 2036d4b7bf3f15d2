import { relative, sep } from 'node:path';
import picomatch from 'picomatch';
import type { Catalog } from '../catalog/catalog';
import { elementsFor } from '../config/elements';
import { todayString } from '../config/resolve';
import type { ResolvedConfig } from '../config/types';
import { readFrontmatter } from '../document/frontmatter';
import type { BodyReadings } from '../document/bodyReadings';
import { parsePolicyDocument, unparsedBecause } from '../document/parse';
import type { PolicyDocument, ReadProblem } from '../document/types';
import type { Finding } from '../findings/types';
import { compareFindings, runRules, type RulePhase } from '../rules/run';
import type { BaseRevision } from '../rules/types';
import type { AnalysisJob } from './analysisJob';
import type { AnalyzedDocument } from './analyzedDocument';
import { CoverageCache } from '../model/coverageCache';
import { SummaryIndex } from '../model/summaryIndex';
import { frontmatterFacts, summarize, type DocumentSummary } from '../model/summary';
import { withoutBom } from '../text/bom';
import { suggestionScores } from '../suggest/rank';

/** Everything a check needs besides the documents themselves. */
export interface CheckEnvironment {
  /** An explicit date (--today); else the config's `today`, else the real date. */
  today?: string;
  fileExists(path: string): boolean;
  /** The base revision of a change (check --base, diff): the change-discipline rules read it. */
  base?: BaseRevision;
  /** Told when a rule throws; the failure is reported as a finding either way. */
  onRuleError?(ruleId: string, path: string, error: unknown): void;
}

/**
 * The documents governed by one configuration and catalog: parse, summarise, index and check them.
 * Both the CLI and the language server go through this, so they report the same findings.
 */
export class PolicySet {
  readonly index = new SummaryIndex();
  /** The coverage of the indexed documents, computed again only where they changed (for long-lived processes). */
  readonly coverage: CoverageCache;
  private readonly includeMatcher?: (path: string) => boolean;
  private readonly excludeMatcher?: (path: string) => boolean;

  constructor(
    readonly config: ResolvedConfig,
    readonly catalog: Catalog,
  ) {
    this.coverage = new CoverageCache(this.index, catalog, config);
    const options = { dot: true };
    if (config.include.length) this.includeMatcher = picomatch(config.include, options);
    if (config.exclude.length) this.excludeMatcher = picomatch(config.exclude, options);
  }

  /** True when the config's `include` globs name the file (it is then a policy document, frontmatter or not). */
  isIncluded(path: string): boolean {
    return this.includeMatcher !== undefined && this.includeMatcher(this.relativePath(path)) && !this.isExcluded(path);
  }

  /** True when the config's `exclude` globs name the file (it is then never checked). */
  isExcluded(path: string): boolean {
    return this.excludeMatcher !== undefined && this.excludeMatcher(this.relativePath(path));
  }

  /** Parses a document (reusing its body's previous reading from `bodies` when unchanged) and records its summary in the index. */
  add(path: string, text: string, readProblem?: ReadProblem, bodies?: BodyReadings): { document: PolicyDocument; summary: DocumentSummary } {
    const document = parsePolicyDocument(path, text, readProblem, this.config.limits, bodies);
    const summary = summarize(document, this.catalog, this.config, this.isIncluded(path));
    this.index.set(summary);
    return { document, summary };
  }

  /**
   * Parses and indexes a document and runs the rules that read only it: what the CLI, the server
   * and the checking threads keep of it. Cross-document rules run later, over the whole index.
   * `bodies`: an editor's open documents' previous body readings (see BodyReadings).
   */
  analyze(path: string, text: string, readProblem: ReadProblem | undefined, environment: CheckEnvironment, bodies?: BodyReadings): { document: PolicyDocument; analyzed: AnalyzedDocument } {
    const { document, summary } = this.add(path, text, readProblem, bodies);
    const findings = this.check(document, summary, environment, 'document');
    return { document, analyzed: { summary, findings, suppressions: document.suppressions, bom: document.bom } };
  }

  /**
   * Indexes a document from its frontmatter alone, without parsing its body: what the workspace
   * rules read of the documents beside the ones checked (check --changed-since).
   */
  indexFrontmatter(path: string, rawText: string, readProblem: ReadProblem | undefined): DocumentSummary {
    const summary = this.frontmatterSummary(path, rawText, readProblem);
    this.index.set(summary);
    return summary;
  }

  /** A document's summary from its frontmatter alone, as this set reads it, leaving the index as it is. */
  frontmatterSummary(path: string, rawText: string, readProblem: ReadProblem | undefined): DocumentSummary {
    const text = withoutBom(rawText);
    const problem = unparsedBecause(text, readProblem, this.config.limits);
    const frontmatter = problem && problem.kind !== 'encoding' ? undefined : readFrontmatter(text);
    return frontmatterFacts(path, frontmatter, text, this.config, this.isIncluded(path));
  }

  /** Adds to a policy's analysis each control's suggestion score, in catalog order, with this set's elements (a document that is no policy gets none). */
  addSuggestionScores(analyzed: AnalyzedDocument, document: PolicyDocument): void {
    if (analyzed.summary.isPolicy) analyzed.suggestionScores = suggestionScores(document, this.catalog, { elementsOf: (control) => elementsFor(control, this.config) });
  }

  /** Parses and indexes a document without running any rule: all that coverage and trace read; with `scores`, a policy's suggestion scores too. */
  summarize(path: string, text: string, readProblem: ReadProblem | undefined, scores = false): AnalyzedDocument {
    const { document, summary } = this.add(path, text, readProblem);
    const analyzed: AnalyzedDocument = { summary, findings: [], suppressions: document.suppressions, bom: document.bom };
    if (scores) this.addSuggestionScores(analyzed, document);
    return analyzed;
  }

  /**
   * Checks a text as the document would read with it (what a fix would leave), without indexing it:
   * the workspace rules see the index as it is. The language server's fix-all checks its fixes so.
   */
  preview(path: string, text: string, environment: CheckEnvironment): { document: PolicyDocument; summary: DocumentSummary; findings: Finding[] } {
    const document = parsePolicyDocument(path, text);
    const summary = summarize(document, this.catalog, this.config, this.isIncluded(path));
    return { document, summary, findings: this.check(document, summary, environment) };
  }

  /**
   * The fields every checking thread's job for a document of this set carries (the batch and the
   * session add their own): the document, how to find this set's config, the date and the parse budget.
   */
  job(source: { path: string; text: string; problem?: ReadProblem }, cwd: string, today: string | undefined): AnalysisJob {
    return {
      path: source.path,
      text: source.text,
      problem: source.problem,
      configFile: this.config.file,
      cwd,
      today: this.today(today),
      parseSeconds: this.config.limits.parseSeconds,
    };
  }

  /** A document's complete findings: its own rules' (from its analysis) and the workspace rules', in report order. */
  withWorkspaceFindings(analyzed: AnalyzedDocument, workspaceFindings: Finding[]): Finding[] {
    return [...analyzed.findings, ...workspaceFindings].sort(compareFindings);
  }

  /** The date this set's checks use: the explicit one (--today), else the config's `today`, else the real date. */
  today(explicit?: string): string {
    return explicit ?? this.config.today ?? todayString();
  }

  /** The findings for a document already added (the index must hold the workspace for cross-document rules). */
  check(document: PolicyDocument, summary: DocumentSummary, environment: CheckEnvironment, phase: RulePhase = 'all'): Finding[] {
    const today = this.today(environment.today);
    return runRules({
      document,
      summary,
      catalog: this.catalog,
      config: this.config,
      index: this.index,
      coverageOf: (control) => this.coverage.control(control, today),
      today,
      fileExists: environment.fileExists,
      base: environment.base,
      onRuleError: environment.onRuleError,
    }, phase);
  }

  private relativePath(path: string): string {
    return relative(this.config.root, path).split(sep).join('/');
  }
}
