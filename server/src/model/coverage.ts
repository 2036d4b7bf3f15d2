import type { Catalog } from '../catalog/catalog';
import { normalizeClauseId } from '../catalog/clauseId';
import type { Control } from '../catalog/types';
import { elementsFor, isEssential } from '../config/elements';
import { exclusionProblems } from './exclusionProblems';
import type { ResolvedConfig } from '../config/types';
import type { Exclusion } from '../document/types';
import type { SummaryIndex } from './summaryIndex';
import { excludedAs, joinIds, predecessorExclusions, untilAlsoExcluded, type PredecessorExclusion } from './writtenExclusions';
import { isOverdue, reviewDue } from './review';
import { elementIds, type DocumentSummary, type ElementStatus } from './summary';

export type CoverageState = 'covered' | 'partial' | 'excluded' | 'gap';

/** One document's claim on a control, with what keeps it from covering the control. */
export interface Claim {
  path: string;
  documentId?: string;
  title?: string;
  status?: string;
  reviewDue?: string;
  overdue: boolean;
  missing: string[];
  empty: string[];
  /** Every element of the control in this document: its state and where it was found. */
  elements: ElementStatus[];
  /** Approved, current and complete. */
  complete: boolean;
  /** A projected claim: the earlier-edition ids (9.1.1) the document names instead of this control. */
  via?: string[];
}

export interface ExclusionEntry {
  path: string;
  documentId?: string;
  owner?: string;
  justification?: string;
  until?: string;
  valid: boolean;
  problems: string[];
  /** A projected exclusion: the earlier-edition ids the document excludes, which together are this control. */
  via?: string[];
}

export interface ControlCoverage {
  id: string;
  title: string;
  objectiveId: string;
  categoryId: string;
  essential: boolean;
  state: CoverageState;
  claims: Claim[];
  exclusions: ExclusionEntry[];
  /** Why the control is partial or a gap, in words a reviewer can act on. */
  reasons: string[];
}

export type StateCounts = Record<CoverageState, number>;

export interface CoverageReport {
  catalog: { id: string; name: string; short: string };
  today: string;
  controls: ControlCoverage[];
  totals: StateCounts & { total: number; applicable: number; coveredPercent: number };
}


/** Coverage of every control of the catalog by the policy documents of the index. Deterministic (catalog order). */
export function computeCoverage(index: SummaryIndex, catalog: Catalog, config: ResolvedConfig, today: string): CoverageReport {
  return coverageOfControls(catalog, today, catalog.controls.map((control) => computeControlCoverage(index, control, config, today)));
}

/** How a report names its catalog (coverage, control page, exclusion register). */
export function catalogName(catalog: Catalog): CoverageReport['catalog'] {
  return { id: catalog.info.id, name: catalog.info.name, short: catalog.info.short };
}

/** The report made of each control's coverage (in catalog order), with the totals. */
export function coverageOfControls(catalog: Catalog, today: string, controls: ControlCoverage[]): CoverageReport {
  const counts: StateCounts = { covered: 0, partial: 0, excluded: 0, gap: 0 };
  for (const control of controls) counts[control.state]++;
  const applicable = controls.length - counts.excluded;
  return {
    catalog: catalogName(catalog),
    today,
    controls,
    totals: { ...counts, total: controls.length, applicable, coveredPercent: applicable === 0 ? 100 : Math.round((counts.covered / applicable) * 1000) / 10 },
  };
}

/** Coverage of one control (also for hovers), reading only the documents that name it. */
export function computeControlCoverage(index: SummaryIndex, control: Control, config: ResolvedConfig, today: string): ControlCoverage {
  return controlCoverage(control, policiesNaming(index, control), config, today);
}

/**
 * The policies (in path order, each once) that claim or exclude a control, from the index's maps:
 * coverage never rescans every document, per control or per report.
 */
function policiesNaming(index: SummaryIndex, control: Control): DocumentSummary[] {
  // Under ISO/IEC 27002:2022, documents still naming a 2013 predecessor are read through the correspondence.
  const ids = [control.id, ...(control.maps.iso27002_2013 ?? [])];
  const involved = new Map(ids.flatMap((id) => [...index.claiming(id), ...index.excluding(id)]).map((summary) => [summary.path, summary]));
  return [...involved.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function controlCoverage(control: Control, policies: DocumentSummary[], config: ResolvedConfig, today: string): ControlCoverage {
  const claims: Claim[] = [];
  const exclusions: ExclusionEntry[] = [];
  const partial: string[] = [];
  const essential = isEssential(control, config);
  for (const summary of policies) {
    const direct = summary.clauses.some((claim) => normalizeClauseId(claim.source) === control.id);
    const projected = direct ? undefined : summary.projected?.[control.id];
    if (direct || projected) {
      const elements = (direct ? summary.elements[control.id] : projected?.elements) ?? [];
      const overdue = isOverdue(summary, config, today);
      claims.push({
        path: summary.path,
        documentId: summary.id?.value,
        title: summary.title,
        status: summary.status,
        reviewDue: reviewDue(summary, config)?.due,
        overdue,
        missing: elementIds(elements, 'missing'),
        empty: elementIds(elements, 'empty'),
        elements,
        complete: summary.status === 'approved' && !overdue && !elements.some((element) => element.state === 'missing' || element.state === 'empty'),
        ...(projected ? { via: projected.from } : {}),
      });
    }
    const parts = predecessorExclusions(summary, control);
    partial.push(...partialExclusionOf(summary, control, parts));
    for (const { exclusion, problems, via } of exclusionsOf(summary, control, parts, config, today)) {
      exclusions.push({
        path: summary.path,
        documentId: summary.id?.value,
        owner: summary.owner,
        justification: exclusion.justification?.value,
        until: exclusion.until?.value,
        valid: problems.length === 0,
        problems,
        ...(via ? { via } : {}),
      });
    }
  }
  // The element titles only a partial control's reasons read: looked up then, not for every control.
  const named = (ids: string[]) => ids.map((id) => elementsFor(control, config).find((element) => element.id === id)?.title ?? id).join(', ');
  const { state, reasons } = decide(claims, exclusions, named, partial);
  return { id: control.id, title: control.title, objectiveId: control.objectiveId, categoryId: control.categoryId, essential, state, claims, exclusions, reasons };
}

/**
 * A document's exclusions of a control, each with why it is not valid: those naming it, or else,
 * projected, exclusions of all its earlier-edition predecessors (the first one's justification
 * stands; each part must be valid, as the exclusion registers read them).
 */
function exclusionsOf(summary: DocumentSummary, control: Control, parts: PredecessorExclusion[] | undefined, config: ResolvedConfig, today: string): { exclusion: Exclusion; problems: string[]; via?: string[] }[] {
  const problemsOf = (exclusion: Exclusion) => exclusionProblems(exclusion, control, config, today).map((problem) => problem.text);
  const own = excludedAs(summary, control.id).map((exclusion) => ({ exclusion, problems: problemsOf(exclusion) }));
  if (!parts || parts.some((part) => !part.exclusion)) return own;
  const problems = parts.flatMap((part) => problemsOf(part.exclusion!).map((text) => (parts.length > 1 ? `${part.id}: ${text}` : text)));
  return [{ exclusion: parts[0]!.exclusion!, problems, via: parts.map((part) => part.id) }];
}

/** Why a document that excludes some, not all, of a control's earlier-edition predecessors leaves it in scope, in the exclusion registers' words. */
function partialExclusionOf(summary: DocumentSummary, control: Control, parts: PredecessorExclusion[] | undefined): string[] {
  const missing = parts?.filter((part) => !part.exclusion).map((part) => part.id) ?? [];
  if (!parts || missing.length === 0 || missing.length === parts.length) return [];
  const excluded = parts.filter((part) => part.exclusion).map((part) => part.id);
  return [`the exclusion of ${joinIds(excluded)} in ${summary.id?.value ?? summary.path} is partial: ${control.id} stays in scope ${untilAlsoExcluded(missing)}`];
}

/** The state of a control and why, the elements named by `named` (their titles, as a reader knows them); `partial`: exclusions that leave it in scope. */
function decide(claims: Claim[], exclusions: ExclusionEntry[], named: (ids: string[]) => string, partial: string[]): { state: CoverageState; reasons: string[] } {
  if (claims.some((claim) => claim.complete)) return { state: 'covered', reasons: [] };
  if (claims.length > 0) {
    const reasons = claims.flatMap((claim) => {
      const name = claim.documentId ?? claim.path;
      const why: string[] = [];
      if (claim.status !== 'approved') why.push(`${name} is ${claim.status ?? 'without status'}, not approved`);
      if (claim.overdue) why.push(`${name} is overdue for review (due ${claim.reviewDue})`);
      if (claim.missing.length) why.push(`${name} misses ${named(claim.missing)}`);
      if (claim.empty.length) why.push(`${name} has empty ${named(claim.empty)}`);
      return why;
    });
    return { state: 'partial', reasons };
  }
  if (exclusions.some((exclusion) => exclusion.valid)) return { state: 'excluded', reasons: [] };
  const reasons = [...exclusions.map((exclusion) => `exclusion in ${exclusion.documentId ?? exclusion.path} is not valid: ${exclusion.problems.join(', ')}`), ...partial];
  return { state: 'gap', reasons: reasons.length ? reasons : ['no document claims or excludes it'] };
}
