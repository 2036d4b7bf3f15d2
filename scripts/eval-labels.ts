// What the scripts that read the expert labels (../shared/labels/*.json) share: where the labels and the
// corpus are, the label file's shape, a document tagged as an adopting organisation would tag it, and the
// bundled catalog with one set's tuning vocabulary taken out (the leave-one-set-out catalog).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Catalog } from '../server/src/catalog/catalog';
import { bundledCatalogPath, parseCatalog } from '../server/src/catalog/load';
import { packageRoot } from '../server/src/packageRoot';

export interface LabelFile {
  set: string;
  documents: Record<string, { clauses: string[]; elements: Record<string, Record<string, { addressed: boolean; where?: string | null }>> }>;
}

/** The shared folder beside the checkout: labels/ and corpus/. */
export const shared = resolve(packageRoot(), '..', 'shared');

/** The label files (shared/labels/*.json), in name order. */
export const labelFiles = (): string[] =>
  readdirSync(join(shared, 'labels'))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(shared, 'labels', name));

/** The document as an adopting organisation would tag it: its own header replaced by Clausewise frontmatter. */
export function tagged(text: string, clauses: string[], name: string): string {
  const frontmatter = [
    '---',
    `id: EVAL-${name.replace(/[^A-Za-z0-9]+/g, '-').toUpperCase()}`,
    `title: "${name}"`,
    'type: policy',
    'owner: Security Officer',
    'status: approved',
    'version: 1.0.0',
    'approved-by: Board',
    'effective: 2026-01-01',
    'last-reviewed: 2026-01-01',
    `clauses: [${clauses.join(', ')}]`,
    '---',
    '',
  ].join('\n');
  // comply: YAML keys down to the first --- line, no opening fence.
  const header = /^[a-zA-Z][\w-]*:/.test(text) ? text.indexOf('\n---\n') : -1;
  return frontmatter + (header >= 0 ? text.slice(header + 5) : text);
}

interface Tuning {
  /** Per set: per "control/element", the terms tuning on that set's disagreements added, and groups it removed. */
  [set: string]: Record<string, { terms: string[]; restore: string[][] }>;
}

export const tuning = JSON.parse(readFileSync(join(packageRoot(), 'scripts', 'eval-elements.tuning.json'), 'utf8')) as Tuning;

/** What eval:blind does to a catalog besides holding a set's tuning out (eval-blind.ts). */
export interface BlindTerms {
  /** Per "control/element", terms to add, one list per evidence group (by the group's place in the catalog). */
  add?: (key: string) => string[][];
  /** A held-out tuning term to keep all the same. */
  spare?: (key: string, term: string) => boolean;
}

/**
 * A catalog file (default: the bundled one) as it would be had one set's labels never been looked at
 * (no set: as it is), with `blind`'s terms added to it and those it spares kept.
 */
export function catalogWithout(set: string | undefined, file = bundledCatalogPath(), blind: BlindTerms = {}): Catalog {
  const catalog = parseCatalog(readFileSync(file, 'utf8'), file);
  for (const control of catalog.controls) {
    for (const element of control.elements) {
      const key = `${control.id}/${element.id}`;
      const change = set ? tuning[set]?.[key] : undefined;
      const extra = blind.add?.(key) ?? [];
      if (!change && extra.length === 0) continue;
      const gone = new Set((change?.terms ?? []).filter((term) => !blind.spare?.(key, term)));
      element.evidence = element.evidence
        .map((group, at) => [...group.filter((term) => !gone.has(term)), ...(extra[at] ?? []).filter((term) => !group.includes(term) || gone.has(term))])
        .concat(change?.restore ?? [])
        .filter((group) => group.length > 0);
    }
  }
  return catalog;
}
