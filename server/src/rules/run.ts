import { positionAt } from '../document/lines';
import type { Finding } from '../findings/types';
import { rules as allRules } from './registry';
import { ruleChecks } from './scope';
import { isSuppressed } from './suppression';
import type { DocumentRuleContext, Rule, WorkspaceRuleContext } from './types';

/** Everything the rules may read about one document; each rule is given only its own context's part. */
export type RuleEnvironment = Omit<DocumentRuleContext & WorkspaceRuleContext, 'report'> & {
  /** Told when a rule throws (the failure is still reported as a finding), so a server can log it. */
  onRuleError?(ruleId: string, path: string, error: unknown): void;
};

/** Which rules to run: all, only those that read one document, or only those that read the workspace. */
export type RulePhase = 'all' | 'document' | 'workspace';

/**
 * Runs the rules on one document and returns its findings, sorted by position. Config severities
 * and suppression comments apply here; a rule that throws becomes a finding, never a crash.
 * The phases let a worker check documents in parallel and the main thread add the workspace rules.
 */
export function runRules(environment: RuleEnvironment, phase: RulePhase = 'all', rules: readonly Rule[] = allRules): Finding[] {
  const { document, summary, catalog, config, today, index, coverageOf, fileExists, base } = environment;
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (phase !== 'all' && rule.workspace !== (phase === 'workspace')) continue;
    const setting = config.rules[rule.id] ?? rule.severity;
    if (setting === 'off') continue;
    if (!ruleChecks(rule, summary)) continue;
    const report: DocumentRuleContext['report'] = (input) => {
      const line = positionAt(document.lineStarts, input.range.start).line;
      if (isSuppressed(document.suppressions, rule.id, line)) return;
      findings.push({ ruleId: rule.id, severity: setting, path: document.path, fixes: [], ...input });
    };
    try {
      if (rule.workspace) rule.check({ document, summary, catalog, config, today, index, coverageOf, fileExists, base, report });
      else rule.check({ document, summary, catalog, config, today, report });
    } catch (error) {
      environment.onRuleError?.(rule.id, document.path, error);
      findings.push({
        ruleId: rule.id,
        severity: 'error',
        path: document.path,
        range: { start: 0, end: 0 },
        message: `rule ${rule.id} failed on this document (${(error as Error).message}); the other rules still ran. Please report this.`,
        fixes: [],
      });
    }
  }
  return findings.sort(compareFindings);
}

/** The order findings are reported in: by position, then rule id (stable, so one rule's findings keep their order). */
export function compareFindings(a: Finding, b: Finding): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId);
}
