import type { CatalogCategory, CatalogElement, CatalogObjective, ControlCoverage, CoverageReport, CoverageState, CatalogTree } from '../../../server/src/protocol/customMessages';

/** Counts of controls per state under a category or objective. */
export type StateCounts = Record<CoverageState, number>;

/** The catalog's tree joined with the coverage of each control: what the Coverage view shows. */
export interface CoverageModel {
  catalog: CatalogTree;
  report: CoverageReport;
  byId: Map<string, ControlCoverage>;
  /** Per control id, its elements with their titles (what the tree's element nodes are titled by). */
  elements: Map<string, CatalogElement[]>;
}

/** Joins the server's catalog tree and coverage report. */
export function coverageModel(catalog: CatalogTree, report: CoverageReport): CoverageModel {
  const controls = catalog.categories.flatMap((category) => category.objectives.flatMap((objective) => objective.controls));
  return { catalog, report, byId: new Map(report.controls.map((control) => [control.id, control])), elements: new Map(controls.map((control) => [control.id, control.elements])) };
}

/** The coverage of the controls under a category or objective, in catalog order. */
export function controlsUnder(model: CoverageModel, node: CatalogCategory | CatalogObjective): ControlCoverage[] {
  const objectives = 'objectives' in node ? node.objectives : [node];
  return objectives.flatMap((objective) => objective.controls.map((control) => model.byId.get(control.id)).filter((control): control is ControlCoverage => control !== undefined));
}

/** How many controls are in each state. */
export function countStates(controls: ControlCoverage[]): StateCounts {
  const counts: StateCounts = { covered: 0, partial: 0, excluded: 0, gap: 0 };
  for (const control of controls) counts[control.state]++;
  return counts;
}

/** "12/14 covered · 1 partial · 1 gap" (excluded controls do not count as applicable). */
export function describeCounts(counts: StateCounts): string {
  const applicable = counts.covered + counts.partial + counts.gap;
  const rest = [counts.partial && `${counts.partial} partial`, counts.gap && `${counts.gap} gap${counts.gap === 1 ? '' : 's'}`, counts.excluded && `${counts.excluded} excluded`].filter(Boolean);
  return [`${counts.covered}/${applicable} covered`, ...rest].join(' · ');
}
