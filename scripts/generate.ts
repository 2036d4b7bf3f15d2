// Writes the files generated from rule metadata: docs/rules.md and the rules section of the config schema.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchemaWithRules, renderRulesDoc } from '../server/src/rules/docs';
import { rules } from '../server/src/rules/registry';

const root = process.cwd();
writeFileSync(join(root, 'docs', 'rules.md'), renderRulesDoc(rules));
const schemaPath = join(root, 'controls', 'schema', 'config.schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
writeFileSync(schemaPath, `${JSON.stringify(configSchemaWithRules(schema, rules), null, 2)}\n`);
console.log('wrote docs/rules.md and controls/schema/config.schema.json');
