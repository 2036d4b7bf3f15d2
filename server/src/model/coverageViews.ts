import type { Catalog } from '../catalog/catalog';
import type { ControlCoverage, CoverageReport, CoverageState, StateCounts } from './coverage';
import { isExpired } from './exclusionProblems';

/** Counts of each state under one category or objective. */
export interface Rollup {
  id: string;
  title: string;
  counts: StateCounts;
  total: number;
}

export interface CategoryRollup extends Rollup {
  objectives: Rollup[];
}

/** One document's side of the picture: the controls it claims or excludes, with their overall state. */
export interface DocumentCoverage {
  path: string;
  documentId?: string;
  title?: string;
  status?: string;
  controls: { id: string; title: string; state: CoverageState; relation: 'claims' | 'excludes' }[];
}

export const STATES: CoverageState[] = ['covered', 'partial', 'excluded', 'gap'];

function rollup(id: string, title: string, controls: ControlCoverage[]): Rollup {
  const counts: StateCounts = { covered: 0, partial: 0, excluded: 0, gap: 0 };
  for (const control of controls) counts[control.state]++;
  return { id, title, counts, total: controls.length };
}

/** Category › objective roll-ups of a coverage report, in catalog order. */
export function categoryRollups(report: CoverageReport, catalog: Catalog): CategoryRollup[] {
  const byId = new Map(report.controls.map((control) => [control.id, control]));
  const of = (ids: string[]) => ids.map((id) => byId.get(id)).filter((control): control is ControlCoverage => control !== undefined);
  return catalog.categories.map((category) => ({
    ...rollup(category.id, category.title, of(catalog.controlsUnder(category.id).map((control) => control.id))),
    objectives: category.objectives.map((objective) => rollup(objective.id, objective.title, of(objective.controls.map((control) => control.id)))),
  }));
}

/** The reverse view: per document, its controls and their states, in path order. */
export function documentCoverage(report: CoverageReport): DocumentCoverage[] {
  const documents = new Map<string, DocumentCoverage>();
  const entry = (path: string, documentId?: string, title?: string, status?: string) => {
    let document = documents.get(path);
    if (!document) documents.set(path, (document = { path, documentId, title, status, controls: [] }));
    return document;
  };
  for (const control of report.controls) {
    for (const claim of control.claims) entry(claim.path, claim.documentId, claim.title, claim.status).controls.push({ id: control.id, title: control.title, state: control.state, relation: 'claims' });
    for (const exclusion of control.exclusions) entry(exclusion.path, exclusion.documentId).controls.push({ id: control.id, title: control.title, state: control.state, relation: 'excludes' });
  }
  return [...documents.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** True when a control has an exclusion whose `until` date has passed on `today`. */
export function hasExpiredExclusion(control: ControlCoverage, today: string): boolean {
  return control.exclusions.some((exclusion) => isExpired(exclusion.until, today));
}
