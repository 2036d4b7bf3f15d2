// Writes the files generated from rule metadata: docs/rules.md, the rules section of the config schema
// and the extension manifest's per-rule severity settings.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchemaWithRules, manifestRuleSettings, renderRulesDoc } from '../server/src/rules/docs';
import { rules } from '../server/src/rules/registry';

const root = process.cwd();
writeFileSync(join(root, 'docs', 'rules.md'), renderRulesDoc(rules));
const schemaPath = join(root, 'controls', 'schema', 'config.schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
writeFileSync(schemaPath, `${JSON.stringify(configSchemaWithRules(schema, rules), null, 2)}\n`);
const manifestPath = join(root, 'package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
manifest.contributes.configuration.properties['clausewise.rules'].properties = manifestRuleSettings(rules);
writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
console.log('wrote docs/rules.md, controls/schema/config.schema.json and package.json (clausewise.rules)');
