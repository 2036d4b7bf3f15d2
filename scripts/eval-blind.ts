// The blind-vocabulary experiment of #14 (README, "How well elements are found"): writers who saw
// neither labelled set, nor the corpus, nor the tuning file wrote evidence terms for every element of
// the catalog (scripts/evidence-blind/brief.md is what they were told; terms.json what they wrote,
// per "control/element", one list per evidence group). This prints what those terms would do to the
// leave-one-set-out figures, in four ways of crediting them. It changes nothing in the catalog.
//   npm run eval:blind
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../server/src/packageRoot';
import { evaluate, fmt, score as figures } from './elementEvaluation';
import { catalogWithout, labelFiles, tuning, type BlindTerms } from './eval-labels';

type Terms = Record<string, string[][]>;
const blind = JSON.parse(readFileSync(join(packageRoot(), 'scripts', 'evidence-blind', 'terms.json'), 'utf8')) as Terms;
const sets = Object.keys(tuning);

/** "precision / recall" of "missing" on a set's labels, checked with the bundled catalog, `heldOut`'s tuning taken out and `blind`'s terms added. */
function score(set: string, heldOut: string | undefined, terms: BlindTerms = {}): string {
  const file = labelFiles().find((candidate) => candidate.endsWith(`${set}.json`))!;
  const { precision, recall } = figures(evaluate(file, catalogWithout(heldOut, undefined, terms)));
  return `${fmt(precision)} / ${fmt(recall)}`;
}

const rewritten = (key: string, term: string) => (blind[key] ?? []).flat().some((other) => other.toLowerCase() === term.toLowerCase());
const other = (set: string) => sets.find((name) => name !== set)!;
const rows: [string, (set: string) => string][] = [
  ['shipped catalog, visible', (set) => score(set, undefined)],
  ['held out (npm run eval:elements -- --loso)', (set) => score(set, set)],
  ['held out, sparing the tuning terms a blind writer also wrote', (set) => score(set, set, { spare: rewritten })],
  ["held out + blind terms of the elements the other set's tuning touched", (set) => score(set, set, { add: (key) => (tuning[other(set)]?.[key] ? blind[key] ?? [] : []) })],
  ['held out + every blind term', (set) => score(set, set, { add: (key) => blind[key] ?? [] })],
  ['shipped catalog + every blind term, visible', (set) => score(set, undefined, { add: (key) => blind[key] ?? [] })],
];
console.log(`eval:blind — precision / recall of "missing"; ${Object.values(blind).flat(2).length} blind terms for ${Object.keys(blind).length} elements\n`);
console.log(`| credit | ${sets.join(' | ')} |\n|---|${sets.map(() => '---|').join('')}`);
for (const [name, run] of rows) console.log(`| ${name} | ${sets.map(run).join(' | ')} |`);
