import type { OtherDocumentsRead, Rule, RuleScope } from './types';

/** Where a rule is explained: docs/rules.md has one heading per rule id. Used by SARIF and LSP diagnostics. */
export function ruleDocsUrl(ruleId: string): string {
  return `https://github.com/clausewise/clausewise/blob/main/docs/rules.md#${ruleId}`;
}

/** docs/rules.md, generated from the rules' metadata (`npm run generate`; a test fails when it is stale). */
export function renderRulesDoc(rules: readonly Rule[]): string {
  const lines = [
    '# Clausewise rules',
    '',
    '<!-- Generated from the rule metadata in server/src/rules by `npm run generate`. Do not edit. -->',
    '',
    'Each rule has a stable id, used in `.clausewise.yaml` (`rules: { id: off|info|warning|error }`),',
    'in suppression comments (`<!-- clausewise-disable-next-line id -->`) and in every output format.',
    '',
    '| rule | default | fixable | finds |',
    '|---|---|---|---|',
    ...rules.map((rule) => `| [\`${rule.id}\`](#${rule.id}) | ${rule.severity} | ${rule.fixable ? 'yes' : 'no'} | ${rule.description} |`),
    '',
    'Suppression follows markdownlint: `<!-- clausewise-disable id … -->` and `<!-- clausewise-enable id … -->`',
    'turn rules off and on from that line; `<!-- clausewise-disable-next-line id -->` covers the next line;',
    '`<!-- clausewise-disable-file id -->` the whole file. Without ids they apply to every rule.',
    '',
  ];
  for (const rule of rules) {
    lines.push(`## ${rule.id}`, '', `${rule.description}.`, '', `Default severity: **${rule.severity}**. Fixable: **${rule.fixable ? 'yes' : 'no'}**.${SCOPE_NOTES[rule.scope ?? 'policies']}${readsNote(rule)}`, '', rule.rationale, '');
  }
  return lines.join('\n');
}

/** The `clausewise.rules` setting's properties in the extension manifest: one severity per rule, described as in the docs. */
export function manifestRuleSettings(rules: readonly Rule[]): Record<string, unknown> {
  return Object.fromEntries(
    rules.map((rule) => [rule.id, { type: 'string', enum: ['off', 'info', 'warning', 'error'], description: `${rule.description} (default: ${rule.severity}).` }]),
  );
}

/** The config schema with `rules` listing every rule id (so editors complete and validate them). */
export function configSchemaWithRules(schema: Record<string, unknown>, rules: readonly Rule[]): Record<string, unknown> {
  const copy = structuredClone(schema) as { properties: { rules: { properties: Record<string, unknown> } } };
  copy.properties.rules.properties = Object.fromEntries(
    rules.map((rule) => [rule.id, { $ref: '#/definitions/severity', description: `${rule.description} (default: ${rule.severity}).` }]),
  );
  return copy;
}

/** What the docs say of the files a rule checks (nothing for the default, policy documents). */
const SCOPE_NOTES: Record<RuleScope, string> = {
  policies: '',
  'soa-documents': ' Checks only the Statement of Applicability document (`type: soa`).',
  'every-file': ' Checks every file considered, policy document or not.',
};

/** How each thing a workspace rule reads of other documents is named in the docs. */
const READ_NAMES: Record<OtherDocumentsRead, string> = {
  'same-id': 'the ids of the other documents',
  'related-ids': 'whether the ids in `related` belong to documents',
  'link-targets': 'whether the files its links point to exist',
  'claims-of-excluded-controls': 'which documents claim the controls it excludes',
  coverage: 'the coverage of every control',
};

/** What the docs say a workspace rule reads beyond the document (the editor re-checks the document when that changes). */
function readsNote(rule: Rule): string {
  if (!rule.workspace) return '';
  if (!rule.reads.length) return ' Reads the base revision of the change.';
  const names = rule.reads.map((read) => READ_NAMES[read]);
  return ` Reads other documents of the workspace: ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`}.`;
}
