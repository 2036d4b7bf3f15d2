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

/** A catalog file (default: the bundled one) as it would be had one set's labels never been looked at. */
export function catalogWithout(set: string, file = bundledCatalogPath()): Catalog {
  const catalog = parseCatalog(readFileSync(file, 'utf8'), file);
  for (const [key, change] of Object.entries(tuning[set] ?? {})) {
    const [controlId, elementId] = key.split('/');
    const element = catalog.control(controlId!)!.elements.find((candidate) => candidate.id === elementId);
    if (!element) continue; // replaced since the tuning: its vocabulary went with it
    const added = new Set(change.terms);
    element.evidence = [...element.evidence.map((group) => group.filter((term) => !added.has(term))), ...change.restore].filter((group) => group.length > 0);
  }
  return catalog;
}
