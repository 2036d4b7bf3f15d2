// Writes the files generated from rule metadata (docs/rules.md, the rules section of the config schema and the
// extension manifest's per-rule severity settings) and the ISO/IEC 27002:2022 catalog (scripts/catalog2022.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchemaWithRules, manifestRuleSettings, renderRulesDoc } from '../server/src/rules/docs';
import { rules } from '../server/src/rules/registry';
import { render2022Catalog } from './catalog2022';

const root = process.cwd();
writeFileSync(join(root, 'docs', 'rules.md'), renderRulesDoc(rules));
const schemaPath = join(root, 'controls', 'schema', 'config.schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
writeFileSync(schemaPath, `${JSON.stringify(configSchemaWithRules(schema, rules), null, 2)}\n`);
const manifestPath = join(root, 'package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
manifest.contributes.configuration.properties['clausewise.rules'].properties = manifestRuleSettings(rules);
writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
writeFileSync(join(root, 'controls', 'iso27002-2022.yaml'), render2022Catalog());
console.log('wrote docs/rules.md, controls/schema/config.schema.json, package.json (clausewise.rules) and controls/iso27002-2022.yaml');
