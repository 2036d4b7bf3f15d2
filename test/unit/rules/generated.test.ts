import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchemaWithRules, renderRulesDoc } from '../../../server/src/rules/docs';
import { rules } from '../../../server/src/rules/registry';
import { repoRoot } from '../../helpers/paths';

describe('files generated from rule metadata (run `npm run generate` when this fails)', () => {
  it('docs/rules.md is up to date', () => {
    expect(readFileSync(join(repoRoot, 'docs', 'rules.md'), 'utf8')).toBe(renderRulesDoc(rules));
  });

  it('the config schema lists every rule id', () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'controls', 'schema', 'config.schema.json'), 'utf8'));
    expect(schema).toEqual(configSchemaWithRules(schema, rules));
    expect(Object.keys(schema.properties.rules.properties)).toEqual(rules.map((rule) => rule.id));
  });

  it('gives every rule a kebab-case id, a one-line description and a rationale', () => {
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.description).not.toMatch(/\n|\.$/);
      expect(rule.rationale.length, rule.id).toBeGreaterThan(80);
    }
  });
});
