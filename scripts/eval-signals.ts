// Measures candidate signals for finding elements that prose evidence misses (issue #14), against the
// expert labels, without changing the checker: for every element the checker reports missing or empty,
// each candidate says whether it would find it, and the script counts, per set, how many addressed
// elements it would newly find (false alarms removed) and how many unaddressed ones it would stop
// flagging (true alarms lost), with the precision and recall that would follow, on the visible catalog
// and with the set's own tuning vocabulary held out (the leave-one-set-out figure of eval:elements).
// Every candidate starts from a near miss: a block where all of an element's evidence groups but one
// hold (BlockIndex.nearMisses), and asks one more thing of it. Exits 0: a measurement, not a test.
//   --list   name each element a candidate would change (set, document, control, element, label)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../server/src/catalog/catalog';
import { loadCatalog } from '../server/src/catalog/load';
import type { Control, Element } from '../server/src/catalog/types';
import { elementsFor } from '../server/src/config/elements';
import { defaultConfig } from '../server/src/config/load';
import type { PolicyDocument, TextBlock } from '../server/src/document/types';
import { PolicySet } from '../server/src/engine/policySet';
import { BlockIndex } from '../server/src/policy/blockIndex';
import { matchElements } from '../server/src/policy/elementMatch';
import { evidencePatterns, type EvidenceGroup } from '../server/src/policy/evidence';
import { wordsOf } from '../server/src/text/words';
import { catalogWithout, labelFiles, shared, tagged, type LabelFile } from './eval-labels';

/** One near miss of an element, with what the candidates look at. */
interface NearMiss {
  document: PolicyDocument;
  control: Control;
  element: Element;
  block: TextBlock;
  missing: EvidenceGroup;
}

/** One element the checker reports missing or empty, with the label's verdict. */
interface Flagged {
  set: string;
  path: string;
  control: Control;
  element: Element;
  addressed: boolean;
  misses: NearMiss[];
}

const SMALL = new Set('a an the of for and or to in on at by with from into is are be been must shall should will may can how who what which that this each every all any its their it as not no say state set name'.split(' '));
/** The content stems of a text: no small words, numbers or two-letter words. */
const stemsOf = (text: string) => wordsOf(text).map((word) => word.stem).filter((stem) => !SMALL.has(stem) && stem.length > 2 && !/^\d/.test(stem));
const fullText = (document: PolicyDocument, block: TextBlock) => [...block.own, ...block.context].map((range) => document.text.slice(range.start, range.end)).join('\n');
/** The sections (headings, pseudo-headings, lead-ins) a block lies in. */
const sectionsAround = (document: PolicyDocument, block: TextBlock) =>
  document.sections.filter((section) => section.bodyRange.start <= block.range.start && block.range.end <= section.bodyRange.end);

/** TF-IDF over one document's blocks (IDF from the document itself), cosine against an element's own words. */
const idfs = new WeakMap<PolicyDocument, Map<string, number>>();
function idfOf(document: PolicyDocument): Map<string, number> {
  let idf = idfs.get(document);
  if (!idf) {
    const leaves = document.blocks.filter((block) => block.kind !== 'section');
    const frequency = new Map<string, number>();
    for (const block of leaves) for (const stem of new Set(stemsOf(fullText(document, block)))) frequency.set(stem, (frequency.get(stem) ?? 0) + 1);
    idf = new Map([...frequency].map(([stem, count]) => [stem, Math.log((leaves.length + 1) / (count + 1)) + 1]));
    idf.set('', Math.log(leaves.length + 1) + 1); // a stem the document never uses
    idfs.set(document, idf);
  }
  return idf;
}
function vector(stems: string[], idf: Map<string, number>): Map<string, number> {
  const weights = new Map(stems.map((stem) => [stem, idf.get(stem) ?? idf.get('')!]));
  const norm = Math.sqrt([...weights.values()].reduce((sum, weight) => sum + weight * weight, 0)) || 1;
  for (const [stem, weight] of weights) weights.set(stem, weight / norm);
  return weights;
}
const cosine = (a: Map<string, number>, b: Map<string, number>) => [...a].reduce((sum, [stem, weight]) => sum + weight * (b.get(stem) ?? 0), 0);
/** An element's own words: title, aliases, prompt and the words of its evidence. */
const profileOf = (element: Element) =>
  stemsOf([element.title, ...element.aliases, element.prompt, ...element.evidence.flat().filter((term) => !term.startsWith('$')).map((term) => term.replace(/\*/g, ''))].join('. '));
/** How like the element the near-miss block reads, and how much more than like any other element of its control. */
function similarity(miss: NearMiss): { score: number; margin: number } {
  const idf = idfOf(miss.document);
  const block = vector(stemsOf(fullText(miss.document, miss.block)), idf);
  const score = cosine(vector(profileOf(miss.element), idf), block);
  const rivals = miss.control.elements.filter((element) => element !== miss.element).map((element) => cosine(vector(profileOf(element), idf), block));
  return { score, margin: score - Math.max(0, ...rivals) };
}

const RESPONSIBILITIES = /responsib|\broles?\b|duties/i;
/** Whether a heading shares at least two content words with the control's title (all of them, for a shorter title). */
function namesControl(title: string, control: Control): boolean {
  const wanted = stemsOf(control.title);
  const heading = new Set(stemsOf(title));
  return wanted.length > 0 && wanted.filter((stem) => heading.has(stem)).length >= Math.min(2, wanted.length);
}

/** The candidate signals: each accepts or refuses one near miss. */
const CANDIDATES: [string, (miss: NearMiss) => boolean][] = [
  ['any near miss', () => true],
  ['(c) in a section headed like the control', (miss) => sectionsAround(miss.document, miss.block).some((section) => namesControl(section.title, miss.control))],
  ['(b) in a Responsibilities/Roles section', (miss) => sectionsAround(miss.document, miss.block).some((section) => RESPONSIBILITIES.test(section.title))],
  ['only a typed concept missing', (miss) => miss.missing.some((term) => term.kind === 'concept')],
  ...[0.15, 0.2, 0.22, 0.25, 0.3].map((threshold): [string, (miss: NearMiss) => boolean] => [
    `(a) similarity >= ${threshold}, above siblings`,
    (miss) => {
      const { score, margin } = similarity(miss);
      return score >= threshold && margin > 0;
    },
  ]),
];

/** Every element the checker reports missing or empty on one label file, with its near misses. */
function flaggedElements(file: string, catalog: Catalog): { flagged: Flagged[]; notAddressed: number } {
  const labels = JSON.parse(readFileSync(file, 'utf8')) as LabelFile;
  const folder = join(shared, 'corpus', labels.set);
  const config = defaultConfig(folder);
  const set = new PolicySet(config, catalog);
  const flagged: Flagged[] = [];
  let notAddressed = 0;
  for (const [path, label] of Object.entries(labels.documents)) {
    const { document } = set.add(join(folder, path), tagged(readFileSync(join(folder, path), 'utf8'), label.clauses, path.split('/').pop()!));
    for (const [controlId, verdicts] of Object.entries(label.elements)) {
      const control = catalog.control(controlId);
      if (!control) continue;
      for (const match of matchElements(document, elementsFor(control, config), config.elementMatch)) {
        const verdict = verdicts[match.element.id];
        // An element the labels do not know (new since they were made) is not counted, as in eval:elements.
        if (!verdict || !loadCatalog().control(controlId)?.elements.some((element) => element.id === match.element.id)) continue;
        if (!verdict.addressed) notAddressed++;
        if (match.state !== 'missing' && match.state !== 'empty') continue;
        const index = BlockIndex.of(document);
        const misses = evidencePatterns(match.element).flatMap((pattern) =>
          index.nearMisses(pattern).map(({ block, missing }) => ({ document, control, element: match.element, block, missing: pattern.groups[missing]! })),
        );
        flagged.push({ set: labels.set, path, control, element: match.element, addressed: verdict.addressed, misses });
      }
    }
  }
  return { flagged, notAddressed };
}

const list = process.argv.includes('--list');
const files = labelFiles();
const fmt = (n: number) => n.toFixed(3);
console.log('eval:signals — what each candidate would change among the elements reported missing or empty');
console.log('(+N found: addressed elements no longer flagged; -N lost: unaddressed elements no longer flagged)');
for (const heldOut of [false, true]) {
  console.log('');
  console.log(heldOut ? "each set with its own tuning vocabulary held out (leave-one-set-out)" : 'visible catalog');
  for (const file of files) {
    const set = (JSON.parse(readFileSync(file, 'utf8')) as LabelFile).set;
    const { flagged, notAddressed } = flaggedElements(file, heldOut ? catalogWithout(set) : loadCatalog());
    const truePositives = flagged.filter((element) => !element.addressed).length;
    const falseAlarms = flagged.length - truePositives;
    console.log(`  ${set}: today precision ${fmt(truePositives / flagged.length)}, recall ${fmt(truePositives / notAddressed)}`);
    for (const [name, accepts] of CANDIDATES) {
      const changed = flagged.filter((element) => element.misses.some(accepts));
      const found = changed.filter((element) => element.addressed).length;
      const lost = changed.length - found;
      const precision = (truePositives - lost) / (flagged.length - changed.length);
      console.log(`    ${name.padEnd(44)} +${String(found).padEnd(3)} -${String(lost).padEnd(3)} precision ${fmt(precision)}  recall ${fmt((truePositives - lost) / notAddressed)}  (false alarms ${falseAlarms} → ${falseAlarms - found})`);
      if (list) for (const element of changed) console.log(`        ${element.addressed ? 'found' : 'lost '} ${element.path.split('/').pop()} ${element.control.id} ${element.element.id}`);
    }
  }
}
