import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../server/src/catalog/load';
import { defaultConfig } from '../../../server/src/config/load';
import { parsePolicyDocument } from '../../../server/src/document/parse';
import { runRules } from '../../../server/src/rules/run';
import type { Rule } from '../../../server/src/rules/types';
import { SummaryIndex } from '../../../server/src/model/summaryIndex';
import { summarize } from '../../../server/src/model/summary';
import { policyText } from '../../helpers/tempWorkspace';

describe('runRules', () => {
  it('turns a rule that throws into a finding and tells onRuleError, so a server can log it', () => {
    const catalog = loadCatalog();
    const config = defaultConfig('/ws');
    const document = parsePolicyDocument('/ws/a.md', policyText('POL-A'));
    const summary = summarize(document, catalog, config, false);
    const broken: Rule = { id: 'broken', description: 'throws', severity: 'warning', fixable: false, workspace: false, rationale: '', check: () => { throw new Error('boom'); } };
    const errors: string[] = [];
    const findings = runRules(
      { document, summary, catalog, config, index: new SummaryIndex(), coverageOf: () => { throw new Error('no workspace rule here'); }, today: '2026-01-01', fileExists: () => true, onRuleError: (ruleId, path, error) => errors.push(`${ruleId} ${path} ${(error as Error).message}`) },
      'all',
      [broken],
    );
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'broken', severity: 'error', message: expect.stringContaining('rule broken failed on this document (boom)') })]);
    expect(errors).toEqual(['broken /ws/a.md boom']);
  });
});
