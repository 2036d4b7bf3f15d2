import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { configFromText } from '../config/load';
import { ConfigResolver } from '../config/resolve';
import { BodyReadings } from '../document/bodyReadings';
import { transferable } from '../document/transfer';
import type { AnalysisJob, AnalysisResult } from './analysisJob';
import { keepFixNotes } from './fixNotes';
import { PolicySet } from './policySet';

/** The previous body readings of the documents open in an editor that this thread analysed: an edit of the frontmatter alone parses no Markdown. */
const openBodies = new BodyReadings();

/**
 * Analyses one job as a checking thread does: with the policy set of its config (loaded once per
 * config and editor defaults into `sets`), keeping nothing of the document afterwards: the caller
 * owns the index. `onStart` is told when the document's own work begins (after loading a config).
 */
export function runJob(job: AnalysisJob, sets: Map<string, PolicySet>, onStart?: () => void): AnalysisResult {
  const set = setFor(job, sets);
  onStart?.();
  const open = new Set(job.openPaths);
  const fileExists = (path: string) => open.has(path) || existsSync(path);
  let result: AnalysisResult;
  if (job.indexOnly) {
    result = { analyzed: set.summarize(job.path, job.text, job.problem, job.scoreSuggestions) };
  } else {
    const ruleErrors: AnalysisResult['ruleErrors'] = [];
    const onRuleError = (ruleId: string, _path: string, error: unknown) => ruleErrors.push({ ruleId, error: (error as Error).stack ?? String(error) });
    const { document, analyzed } = set.analyze(job.path, job.text, job.problem, { today: job.today, fileExists, onRuleError }, job.keepDocument ? openBodies : undefined);
    result = { analyzed, document: job.keepDocument ? transferable(document) : undefined, ruleErrors: ruleErrors.length ? ruleErrors : undefined };
    if (job.scoreSuggestions) set.addSuggestionScores(analyzed, document);
    // Edits not sent are neither packed nor copied: the session rebuilds them if a code action asks.
    if (job.fixNotesOnly) keepFixNotes(analyzed.findings);
  }
  if (job.stopped) result.analyzed.stopped = true;
  set.index.delete(job.path);
  return result;
}

function setFor(job: AnalysisJob, sets: Map<string, PolicySet>): PolicySet {
  const key = `${job.configFile ?? ''}\0${job.defaultCatalog ?? ''}\0${JSON.stringify(job.defaultRules ?? {})}\0${job.dropInvalid ? 1 : 0}\0${job.configText ?? ''}`;
  let set = sets.get(key);
  if (set) return set;
  if (job.configText !== undefined && job.configFile) {
    // A past revision's config: read as the main thread read it, with the catalog it resolved there.
    const { config, catalog } = configFromText(job.configText, job.configFile, { catalog: job.catalog, dropInvalid: job.dropInvalid });
    set = new PolicySet(config, catalog);
  } else {
    // The job's config file, else the defaults with an editor's default rules and catalog: the main thread's resolution.
    const resolver = new ConfigResolver(job.cwd, job.configFile, { defaultRules: job.defaultRules, defaultCatalog: job.defaultCatalog, catalog: job.catalog, dropInvalid: job.dropInvalid });
    const { config, catalog } = resolver.forDirectory(job.cwd);
    set = new PolicySet(config, catalog);
  }
  sets.set(key, set);
  warmUp(set, job.cwd);
  return set;
}

/**
 * A new thread's first parse runs cold (the parser's code not yet compiled, the first elements'
 * evidence not yet built), several times slower than the next on a busy machine. One small document
 * analysed before the first job, outside its time, keeps that cost off the first document's parse
 * budget: a tight limits.parse-seconds then measures the document, not the thread's start.
 */
function warmUp(set: PolicySet, cwd: string): void {
  const control = set.catalog.controls[0];
  const text = `---\nid: WARM-UP\nclauses: [${control?.id ?? ''}]\n---\n# Warm-up\n\n- **Scope**: all systems, reviewed *annually* by the owner.\n\n| Item | Value |\n|---|---|\n| a | b |\n`;
  const path = join(cwd, '.clausewise-warm-up.md');
  try {
    set.analyze(path, text, undefined, { fileExists: () => false, onRuleError: () => undefined });
  } catch {
    // Only a warm-up: the first real job meets and reports whatever went wrong here.
  }
  set.index.delete(path);
}
