// Measures element detection against expert labels (../shared/labels/*.json): for every labelled
// document, a copy is tagged with exactly the labelled clauses and checked; each element the checker
// reports as missing-element or empty-element is a "missing" verdict, compared with the label's
// addressed: false. Prints per set and overall: precision and recall of "missing", and the share of
// addressed elements found; then a leave-one-set-out table (what each set scores when the other was
// the only one looked at while tuning: see README "How an element is found").
// Exits 0 whatever the figures: this is a measurement, not a test (2 only for an unknown --held-out set).
//   --detail       every disagreement: document, control, element, the label's where, what the tool saw
//   --set NAME     only this set (datica, comply)
//   --match MODE   prose (default) or headings: the config's elements.match
//   --control ID   with --detail: every verdict on this control, agreeing or not
//   --why          with --detail: for each false alarm, the blocks where all evidence groups but one hold
//   --loso         also score each set with the vocabulary its own disagreements added taken out again
//                  (scripts/eval-elements.tuning.json lists it): the leave-one-set-out figure
//   --held-out SET score (and with --detail, list) every set with SET's own tuning vocabulary taken
//                  out: the disagreements behind the leave-one-set-out figure
//   --catalog FILE score another catalog (an older one, to compare): verdicts count only on elements
//                  both it and the bundled catalog have
// A label names an element by id. When the catalog replaced an element (a new id: see retiredElements in
// the catalog), its verdicts no longer apply to anything and are left out; the run says how many.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ElementMatchMode } from '../server/src/config/types';
import type { Catalog } from '../server/src/catalog/catalog';
import { loadCatalog, parseCatalog } from '../server/src/catalog/load';
import { evaluate as evaluateWith, fmt, score, type Verdict } from './elementEvaluation';
import { catalogWithout as withoutTuning, labelFiles, tuning, type LabelFile } from './eval-labels';

const args = process.argv.slice(2);
const detail = args.includes('--detail');
const onlySet = args.includes('--set') ? args[args.indexOf('--set') + 1] : undefined;
const why = args.includes('--why');
const onlyControl = args.includes('--control') ? args[args.indexOf('--control') + 1] : undefined;
const mode = (args.includes('--match') ? args[args.indexOf('--match') + 1] : 'prose') as ElementMatchMode;
const otherCatalog = args.includes('--catalog') ? resolve(args[args.indexOf('--catalog') + 1]!) : undefined;
const evaluated = otherCatalog ? parseCatalog(readFileSync(otherCatalog, 'utf8'), otherCatalog) : loadCatalog();
/** Labelled elements left out because a catalog no longer has them, per set. */
const leftOut = new Map<string, Set<string>>();

/** The bundled catalog (or --catalog) as it would be had one set's labels never been looked at. */
const catalogWithout = (set: string): Catalog => withoutTuning(set, otherCatalog);

const evaluate = (file: string, catalog: Catalog): Verdict[] => evaluateWith(file, catalog, { mode, why, leftOut });

const files = labelFiles().filter((file) => !onlySet || file.endsWith(`${onlySet}.json`));
const heldOut = args.includes('--held-out') ? args[args.indexOf('--held-out') + 1] : undefined;
// An unknown set would hold nothing out while the header said it did.
if (args.includes('--held-out') && (heldOut === undefined || !Object.hasOwn(tuning, heldOut))) {
  console.error(`eval:elements: --held-out takes a set whose tuning eval-elements.tuning.json lists (${Object.keys(tuning).join(', ')}), not ${heldOut === undefined ? 'nothing' : `"${heldOut}"`}`);
  process.exit(2);
}
const heldOutCatalog = heldOut ? catalogWithout(heldOut) : evaluated;
const all = files.flatMap((file) => evaluate(file, heldOutCatalog));
const sets = [...new Set(all.map((v) => v.set))];
console.log(`eval:elements — elements.match: ${mode}; "missing" = missing-element or empty-element reported${heldOut ? `; ${heldOut}'s tuning vocabulary held out` : ''}`);
console.log('');
console.log(`${'set'.padEnd(10)} ${'elements'.padStart(8)} ${'precision'.padStart(10)} ${'recall'.padStart(8)} ${'found'.padStart(7)}   counts`);
for (const name of [...sets, 'overall']) {
  const part = name === 'overall' ? all : all.filter((v) => v.set === name);
  const s = score(part);
  console.log(`${name.padEnd(10)} ${String(s.elements).padStart(8)} ${fmt(s.precision).padStart(10)} ${fmt(s.recall).padStart(8)} ${fmt(s.found).padStart(7)}   ${s.counts}`);
}
for (const [set, elements] of leftOut) {
  const count = elements.size;
  console.log(`${set}: verdicts on ${count} labelled element${count === 1 ? '' : 's'} the catalog no longer has (replaced) left out: ${[...elements].sort().join(', ')}`);
}
console.log('');
console.log('targets on each visible set: precision >= 0.85, recall >= 0.80 (baseline before prose evidence: 0.37 / 0.99, 7 % found)');
if (args.includes('--loso')) {
  console.log('');
  console.log('leave-one-set-out: each set scored without the vocabulary its own disagreements added (the other set\'s kept)');
  for (const file of files) {
    const name = (JSON.parse(readFileSync(file, 'utf8')) as LabelFile).set;
    const s = score(evaluate(file, catalogWithout(name)));
    console.log(`${name.padEnd(10)} ${String(s.elements).padStart(8)} ${fmt(s.precision).padStart(10)} ${fmt(s.recall).padStart(8)} ${fmt(s.found).padStart(7)}   ${s.counts}`);
  }
}
if (detail) {
  console.log('');
  for (const v of all.filter((v) => (onlyControl ? v.control === onlyControl : v.flagged === v.addressed))) {
    const kind = v.flagged === v.addressed ? (v.addressed ? 'FALSE ALARM' : 'NOT FLAGGED') : 'AGREE';
    console.log(`${kind.padEnd(12)} ${v.set}/${v.path.split('/').pop()} ${v.control} ${v.element}\n    label: ${v.addressed ? `addressed at ${v.where ?? '?'}` : 'not addressed'}\n    tool:  ${v.seen}`);
    for (const miss of v.nearMisses.slice(0, 4)) console.log(`      near: ${miss}`);
  }
}
