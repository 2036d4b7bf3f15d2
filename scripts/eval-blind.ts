// The blind-vocabulary experiment of #14 (README, "How well elements are found"): writers who saw
// neither labelled set, nor the corpus, nor the tuning file wrote evidence terms for every element of
// the catalog (scripts/evidence-blind/brief.md is what they were told; terms.json what they wrote,
// per "control/element", one list per evidence group). This prints what those terms would do to the
// leave-one-set-out figures, in four ways of crediting them. It changes nothing in the catalog.
//   npm run eval:blind
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { bundledCatalogPath } from '../server/src/catalog/load';
import { packageRoot } from '../server/src/packageRoot';
import { tuning } from './eval-labels';

type Terms = Record<string, string[][]>;
const blind = JSON.parse(readFileSync(join(packageRoot(), 'scripts', 'evidence-blind', 'terms.json'), 'utf8')) as Terms;
const sets = Object.keys(tuning);
const folder = mkdtempSync(join(tmpdir(), 'clausewise-blind-'));

/** The bundled catalog with `heldOut`'s tuning terms taken out (but those `spare` keeps) and `add`'s terms added. */
function catalogFile(name: string, heldOut: string | undefined, add: (key: string) => string[][], spare: (key: string, term: string) => boolean): string {
  const root = parseDocument(readFileSync(bundledCatalogPath(), 'utf8')).toJS() as { categories: { objectives?: { controls: RawControl[] }[]; controls?: RawControl[] }[] };
  for (const category of root.categories) {
    for (const control of [...(category.controls ?? []), ...(category.objectives ?? []).flatMap((objective) => objective.controls)]) {
      for (const element of control.elements ?? []) {
        if (!element.evidence) continue;
        const key = `${control.id}/${element.id}`;
        const tuned = heldOut ? tuning[heldOut]?.[key] : undefined;
        const gone = new Set((tuned?.terms ?? []).filter((term) => !spare(key, term)));
        const extra = add(key);
        element.evidence = element.evidence
          .map((group, at) => [...group.filter((term) => !gone.has(term)), ...(extra[at] ?? []).filter((term) => !group.includes(term) || gone.has(term))])
          .concat(tuned?.restore ?? [])
          .filter((group) => group.length > 0);
      }
    }
  }
  const file = join(folder, `${name}.json`);
  writeFileSync(file, JSON.stringify(root));
  return file;
}
interface RawControl { id: string; elements?: { id: string; evidence?: string[][] }[] }

/** "precision / recall" of a set's row in eval:elements run on a catalog file. */
function score(file: string, set: string): string {
  const output = execFileSync(process.execPath, [join(packageRoot(), 'scripts', 'run-ts.mjs'), join(packageRoot(), 'scripts', 'eval-elements.ts'), '--catalog', file], { encoding: 'utf8' });
  const row = output.split('\n').find((line) => line.startsWith(`${set} `))!.trim().split(/\s+/);
  return `${row[2]} / ${row[3]}`;
}

const none = (): string[][] => [];
const never = () => false;
const rewritten = (key: string, term: string) => (blind[key] ?? []).flat().some((other) => other.toLowerCase() === term.toLowerCase());
const other = (set: string) => sets.find((name) => name !== set)!;
const rows: [string, (set: string) => string][] = [
  ['shipped catalog, visible', (set) => score(catalogFile('visible', undefined, none, never), set)],
  ['held out (npm run eval:elements -- --loso)', (set) => score(catalogFile(`loso-${set}`, set, none, never), set)],
  ['held out, sparing the tuning terms a blind writer also wrote', (set) => score(catalogFile(`spared-${set}`, set, none, rewritten), set)],
  ["held out + blind terms of the elements the other set's tuning touched", (set) => score(catalogFile(`other-${set}`, set, (key) => (tuning[other(set)]?.[key] ? blind[key] ?? [] : []), never), set)],
  ['held out + every blind term', (set) => score(catalogFile(`all-${set}`, set, (key) => blind[key] ?? [], never), set)],
  ['shipped catalog + every blind term, visible', (set) => score(catalogFile('visible-all', undefined, (key) => blind[key] ?? [], never), set)],
];
console.log(`eval:blind — precision / recall of "missing"; ${Object.values(blind).flat(2).length} blind terms for ${Object.keys(blind).length} elements\n`);
console.log(`| credit | ${sets.join(' | ')} |\n|---|${sets.map(() => '---|').join('')}`);
for (const [name, run] of rows) console.log(`| ${name} | ${sets.map(run).join(' | ')} |`);
