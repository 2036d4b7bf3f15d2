// A tool for writing element evidence on text no evaluation scores: each JupiterOne policy, as its
// builder assembles it, tagged with the ISO/IEC 27002:2013 controls JupiterOne maps to its
// procedures; prints how many of those controls' elements are found and lists the others, so an
// author reads the template and decides whether it does address them (then: which words it uses).
// Not a measurement of quality: JupiterOne's mapping says which controls a procedure serves, not that
// every element of each is addressed.
//   node scripts/run-ts.mjs scripts/evidence-unlabelled.ts [control-id-prefix…] [--near]
//   --near  for each element not found, up to 4 blocks where all its evidence groups but one hold
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../server/src/catalog/load';
import { elementsFor } from '../server/src/config/elements';
import { defaultConfig } from '../server/src/config/load';
import { parsePolicyDocument } from '../server/src/document/parse';
import { BlockIndex } from '../server/src/policy/blockIndex';
import { matchElements } from '../server/src/policy/elementMatch';
import { evidencePatterns } from '../server/src/policy/evidence';
import { loadCases, templates } from './jupiterone';

const args = process.argv.slice(2);
const near = args.includes('--near');
const prefixes = args.filter((arg) => !arg.startsWith('--'));

if (!existsSync(join(templates, 'config.json'))) {
  console.log(`evidence-unlabelled: the JupiterOne templates are not at ${templates}; nothing to probe.`);
} else {
  const catalog = loadCatalog();
  const config = defaultConfig(templates);
  let total = 0;
  let found = 0;
  for (const entry of loadCases(catalog)) {
    const document = parsePolicyDocument(join(templates, 'policies', `${entry.id}.md`), entry.assembled);
    for (const id of [...entry.valid].sort()) {
      if (prefixes.length > 0 && !prefixes.some((prefix) => id.startsWith(prefix))) continue;
      for (const match of matchElements(document, elementsFor(catalog.control(id)!, config), 'prose')) {
        total++;
        if (match.state === 'heading' || match.state === 'prose') {
          found++;
          continue;
        }
        console.log(`${entry.id}\t${id}\t${match.element.id}\t${match.state}`);
        if (!near) continue;
        for (const pattern of evidencePatterns(match.element)) {
          for (const miss of BlockIndex.of(document).nearMisses(pattern).slice(0, 4)) {
            const lacks = pattern.groups[miss.missing]!.slice(0, 5).map((term) => term.text).join(', ');
            const text = document.text.slice(miss.block.range.start, miss.block.range.end).replace(/\s+/g, ' ').slice(0, 200);
            console.log(`    lacks [${lacks}…]: ${text}`);
          }
        }
      }
    }
  }
  console.log(`found ${found} of ${total} elements of the controls JupiterOne maps to each policy's procedures`);
}
