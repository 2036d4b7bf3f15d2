// The element evaluation in-process: a catalog object in, verdicts and figures out. eval:elements prints
// them for the bundled catalog (or --catalog, or with a set's tuning held out); eval:blind scores the
// catalogs it builds with catalogWithout (eval-labels.ts) without writing them to a file.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../server/src/catalog/catalog';
import { loadCatalog } from '../server/src/catalog/load';
import { elementsFor } from '../server/src/config/elements';
import { defaultConfig } from '../server/src/config/load';
import type { ElementMatchMode } from '../server/src/config/types';
import { positionAt } from '../server/src/document/lines';
import type { PolicyDocument } from '../server/src/document/types';
import { whereFound } from '../server/src/cli/traceCommand';
import { PolicySet } from '../server/src/engine/policySet';
import { BlockIndex } from '../server/src/policy/blockIndex';
import { matchElements, type ElementMatch } from '../server/src/policy/elementMatch';
import { evidencePatterns } from '../server/src/policy/evidence';
import { shared, tagged, type LabelFile } from './eval-labels';

export interface Verdict {
  set: string;
  path: string;
  control: string;
  element: string;
  addressed: boolean;
  where?: string | null;
  /** The checker reported missing-element or empty-element for it. */
  flagged: boolean;
  seen: string;
  nearMisses: string[];
}

export interface EvaluationOptions {
  /** The config's elements.match (default prose). */
  mode?: ElementMatchMode;
  /** For each false alarm, the blocks where all evidence groups but one hold. */
  why?: boolean;
  /** Collects, per set, the labelled elements left out because a catalog no longer has them. */
  leftOut?: Map<string, Set<string>>;
}

function nearMisses(document: PolicyDocument, match: ElementMatch | undefined, lineOf: (offset: number) => number): string[] {
  if (!match) return [];
  const index = BlockIndex.of(document);
  return evidencePatterns(match.element).flatMap((pattern) =>
    index.nearMisses(pattern).map(({ block, missing }) => {
      const text = document.text.slice(block.range.start, block.range.end).replace(/\s+/g, ' ').slice(0, 160);
      return `line ${lineOf(block.range.start)} ${block.kind}, lacks [${pattern.groups[missing]!.map((term) => term.text).slice(0, 6).join(', ')}…]: ${text}`;
    }),
  );
}

/** Every labelled element of one label file, checked with `catalog`: the label's verdict beside the checker's. */
export function evaluate(file: string, catalog: Catalog, { mode = 'prose', why = false, leftOut }: EvaluationOptions = {}): Verdict[] {
  const labels = JSON.parse(readFileSync(file, 'utf8')) as LabelFile;
  const folder = join(shared, 'corpus', labels.set);
  const config = { ...defaultConfig(folder), elementMatch: mode };
  const set = new PolicySet(config, catalog);
  const bundled = loadCatalog();
  // A label names an element by id: it counts only while both the bundled catalog and this one have it.
  const stillThere = (controlId: string, elementId: string) => [bundled, catalog].every((each) => each.control(controlId)?.elements.some((element) => element.id === elementId));
  const verdicts: Verdict[] = [];
  for (const [path, label] of Object.entries(labels.documents)) {
    const text = tagged(readFileSync(join(folder, path), 'utf8'), label.clauses, path.split('/').pop()!);
    const { document, summary } = set.add(join(folder, path), text);
    const findings = set.check(document, summary, { today: '2026-06-01', fileExists: existsSync });
    const flagged = new Set(
      findings
        .filter((finding) => finding.ruleId === 'missing-element' || finding.ruleId === 'empty-element')
        // missing-element names every missing element of a control in one finding; empty-element names one.
        .flatMap((finding) => (finding.elements?.map((element) => element.id) ?? [finding.element]).map((element) => `${finding.clause}/${element}`)),
    );
    const lineOf = (offset: number) => positionAt(document.lineStarts, offset).line + 1;
    for (const [control, elements] of Object.entries(label.elements)) {
      const catalogControl = catalog.control(control);
      const matches = catalogControl && why ? matchElements(document, elementsFor(catalogControl, config), config.elementMatch) : [];
      for (const [element, verdict] of Object.entries(elements)) {
        if (!stillThere(control, element)) {
          if (leftOut && !leftOut.has(labels.set)) leftOut.set(labels.set, new Set());
          leftOut?.get(labels.set)!.add(`${control}/${element}`);
          continue;
        }
        // What `clausewise trace` would say of it (the summary keeps each claimed element's state and place).
        const status = summary.elements[control]?.find((candidate) => candidate.id === element);
        verdicts.push({
          set: labels.set,
          path,
          control,
          element,
          addressed: verdict.addressed,
          where: verdict.where,
          flagged: flagged.has(`${control}/${element}`),
          seen: status ? whereFound(status) : 'not checked',
          nearMisses: why ? nearMisses(document, matches.find((match) => match.element.id === element), lineOf) : [],
        });
      }
    }
  }
  return verdicts;
}

export interface Figures {
  elements: number;
  /** Of the elements reported missing, the share the label says are not addressed. */
  precision: number;
  /** Of the elements the label says are not addressed, the share reported missing. */
  recall: number;
  /** Of the addressed elements, the share not reported missing. */
  found: number;
  counts: string;
}

/** Precision and recall of "missing" over a list of verdicts. */
export function score(verdicts: Verdict[]): Figures {
  const flaggedMissing = verdicts.filter((v) => v.flagged && !v.addressed).length;
  const flagged = verdicts.filter((v) => v.flagged).length;
  const notAddressed = verdicts.filter((v) => !v.addressed).length;
  const addressed = verdicts.filter((v) => v.addressed).length;
  const found = verdicts.filter((v) => v.addressed && !v.flagged).length;
  return {
    elements: verdicts.length,
    precision: flagged ? flaggedMissing / flagged : 1,
    recall: notAddressed ? flaggedMissing / notAddressed : 1,
    found: addressed ? found / addressed : 1,
    counts: `${found}/${addressed} addressed found, ${flaggedMissing}/${notAddressed} unaddressed flagged, ${flagged - flaggedMissing} false alarms`,
  };
}

/** A figure as every evaluation prints it: three decimals. */
export const fmt = (n: number) => n.toFixed(3);
