// Lists the element titles and aliases that two or more controls share, compared as the element
// matcher compares headings (a section under such a heading counts for all of them). The catalog
// test allows at most 10, each named with its reason in test/unit/catalog/elements.test.ts.
//   node scripts/run-ts.mjs scripts/shared-headings.ts [--catalog FILE]
import { loadCatalog } from '../server/src/catalog/load';
import { sharedHeadings } from '../server/src/catalog/sharedHeadings';

const args = process.argv.slice(2);
const catalog = loadCatalog(args.includes('--catalog') ? args[args.indexOf('--catalog') + 1] : undefined);
const shared = sharedHeadings(catalog);
console.log(`${shared.length} heading${shared.length === 1 ? '' : 's'} shared by two or more controls of ${catalog.info.name}:`);
for (const heading of shared) console.log(`  "${heading.key}" (${heading.controls.join(', ')}): ${heading.names.join('; ')}`);
