import { relative, sep } from 'node:path';
import { elementsFor } from '../config/elements';
import { readFrontmatter } from '../document/frontmatter';
import { positionAt } from '../document/lines';
import type { PolicyDocument } from '../document/types';
import type { Finding } from '../findings/types';
import { computeCoverage, type CoverageReport } from '../model/coverage';
import { SummaryIndex } from '../model/summaryIndex';
import type { PolicySet } from '../engine/policySet';
import type { DocumentSummary } from '../model/summary';
import { findingKey } from '../findings/findingKey';
import type { ChangeFinding, ChangeReport, ControlChange, CoverageTotals, DocumentChangeReport, ElementChange, FieldChange, Revision } from './types';
import { verdictOf } from './verdict';

/** A checked document of one side (the CLI's FileResult). */
export interface CheckedDocument {
  path: string;
  document: PolicyDocument;
  summary: DocumentSummary;
  findings: Finding[];
}

export interface ChangeSide {
  revision: Revision;
  results: CheckedDocument[];
  sets: PolicySet[];
}

const FIELDS = ['id', 'title', 'status', 'version', 'owner', 'approved-by', 'effective'] as const;

/**
 * What a change does to a policy set: documents added, removed, renamed and modified (with their
 * claims, elements and key fields), coverage per control before and after, and findings new in the
 * head or resolved. `renames` maps head paths to base paths; paths are reported relative to `root`.
 */
export function compareSides(base: ChangeSide, head: ChangeSide, renames: Map<string, string>, root: string, similarity: Map<string, number> = new Map()): ChangeReport {
  const rel = (path: string) => relative(root, path).split(sep).join('/');
  const baseByPath = new Map(base.results.map((result) => [result.path, result]));
  const headByPath = new Map(head.results.map((result) => [result.path, result]));
  const headOf = new Map([...renames].map(([to, from]) => [from, to]));
  const documents: DocumentChangeReport[] = [];
  const title = elementTitles(head.sets);
  for (const after of head.results) {
    const from = renames.get(after.path);
    const before = baseByPath.get(from ?? after.path);
    if (!after.summary.isPolicy && !before?.summary.isPolicy) continue;
    if (!before) documents.push(documentChange(undefined, after, 'added', rel, title));
    else if (from) documents.push({ ...documentChange(before, after, 'renamed', rel, title), from: rel(from), similarity: similarity.get(after.path) });
    else if (before.document.text !== after.document.text) documents.push(documentChange(before, after, 'modified', rel, title));
  }
  for (const before of base.results) {
    const target = headOf.get(before.path) ?? before.path;
    if (headByPath.has(target) || !before.summary.isPolicy) continue;
    documents.push(documentChange(before, undefined, 'removed', rel, title));
  }
  documents.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const { controls, totals } = compareCoverage(base.sets, head.sets);
  const baseFindings = base.results.flatMap((result) => result.findings.map((finding) => changeFinding(result, finding, rel, rel(headOf.get(result.path) ?? result.path))));
  const headFindings = head.results.flatMap((result) => result.findings.map((finding) => changeFinding(result, finding, rel)));
  // A base finding is matched under its document's head path, and reported under its base path.
  const placed = ({ identityPath: _, ...finding }: Keyed): ChangeFinding => finding;
  const findings = { new: subtract(headFindings, baseFindings).map(placed), resolved: subtract(baseFindings, headFindings).map(placed) };
  const summary = {
    documentsAdded: documents.filter((d) => d.change === 'added').length,
    documentsRemoved: documents.filter((d) => d.change === 'removed').length,
    documentsRenamed: documents.filter((d) => d.change === 'renamed').length,
    documentsModified: documents.filter((d) => d.change === 'modified').length,
    controlsLosingCoverage: controls.filter((c) => c.before === 'covered' && c.after !== 'covered').length,
    controlsGainingCoverage: controls.filter((c) => c.before !== 'covered' && c.after === 'covered').length,
    newFindings: findings.new.length,
    newErrors: findings.new.filter((f) => f.severity === 'error').length,
    resolvedFindings: findings.resolved.length,
    approvedWithoutNewVersion: new Set(findings.new.filter((f) => f.ruleId === 'version-not-bumped').map((f) => f.path)).size,
  };
  return { format: 1, base: base.revision, head: head.revision, verdict: verdictOf({ summary, findings }), summary, documents, controls, totals, findings, notes: [] };
}

type ElementTitle = (path: string, clause: string, element: string) => string;

/** An element's title as the head's catalog and config name it (its id when they do not know it). */
function elementTitles(sets: PolicySet[]): ElementTitle {
  return (path, clause, element) => {
    const set = sets.find((candidate) => candidate.index.get(path));
    const control = set?.catalog.control(clause);
    return (control && elementsFor(control, set!.config).find((candidate) => candidate.id === element)?.title) ?? element;
  };
}

function documentChange(before: CheckedDocument | undefined, after: CheckedDocument | undefined, change: DocumentChangeReport['change'], rel: (path: string) => string, title: ElementTitle): DocumentChangeReport {
  const summary = (after ?? before)!.summary;
  const clauses = (side?: CheckedDocument) => new Set(side?.summary.isPolicy ? side.summary.clauses.map((claim) => claim.source) : []);
  const excluded = (side?: CheckedDocument) => new Set(side?.summary.isPolicy ? side.summary.exclusions.flatMap((exclusion) => (exclusion.clause ? [exclusion.clause.source] : [])) : []);
  const minus = (a: Set<string>, b: Set<string>) => [...a].filter((value) => !b.has(value));
  return {
    path: rel((after ?? before)!.path),
    change,
    id: summary.id?.value ?? null,
    title: summary.title ?? null,
    clausesAdded: minus(clauses(after), clauses(before)),
    clausesRemoved: minus(clauses(before), clauses(after)),
    exclusionsAdded: minus(excluded(after), excluded(before)),
    exclusionsRemoved: minus(excluded(before), excluded(after)),
    elements: before && after ? elementChanges(before.summary, after.summary, (clause, element) => title(after.path, clause, element)) : [],
    fields: before && after ? fieldChanges(before.document.text, after.document.text) : [],
  };
}

/** Elements of controls claimed on both sides whose state moved between addressed (heading, prose) and not. */
function elementChanges(before: DocumentSummary, after: DocumentSummary, title: (clause: string, element: string) => string): ElementChange[] {
  const changes: ElementChange[] = [];
  for (const [clause, statuses] of Object.entries(after.elements)) {
    const old = new Map((before.elements[clause] ?? []).map((status) => [status.id, status]));
    if (!before.elements[clause]) continue;
    for (const status of statuses) {
      const previous = old.get(status.id);
      if (!previous || addressed(previous.state) === addressed(status.state)) continue;
      changes.push({ clause, element: status.id, title: title(clause, status.id), before: previous.state, after: status.state, line: addressed(status.state) ? status.line : undefined });
    }
  }
  return changes;
}

const addressed = (state: string) => state === 'heading' || state === 'prose';

function fieldChanges(beforeText: string, afterText: string): FieldChange[] {
  const before = readFrontmatter(beforeText)?.fields;
  const after = readFrontmatter(afterText)?.fields;
  const value = (fields: typeof before, key: string) => {
    const raw = fields?.get(key)?.value;
    return raw === undefined || raw === null ? null : raw instanceof Date ? raw.toISOString().slice(0, 10) : typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
  };
  return FIELDS.map((field) => ({ field, before: value(before, field), after: value(after, field) })).filter((change) => change.before !== change.after);
}

/** Coverage of every control before and after, for each policy set (matched by config file); only moved controls are listed. */
function compareCoverage(baseSets: PolicySet[], headSets: PolicySet[]): { controls: ControlChange[]; totals: { before: CoverageTotals; after: CoverageTotals } } {
  const key = (set: PolicySet) => set.config.file ?? '';
  const coverage = (set: PolicySet | undefined, other: PolicySet) => (set ? computeCoverage(set.index, set.catalog, set.config, set.today()) : computeCoverage(new SummaryIndex(), other.catalog, other.config, other.today()));
  const controls: ControlChange[] = [];
  const beforeReports: CoverageReport[] = [];
  const afterReports: CoverageReport[] = [];
  const keys = [...new Set([...headSets, ...baseSets].map(key))];
  for (const name of keys) {
    const headSet = headSets.find((set) => key(set) === name);
    const baseSet = baseSets.find((set) => key(set) === name);
    const before = coverage(baseSet, (headSet ?? baseSet)!);
    const after = coverage(headSet, (baseSet ?? headSet)!);
    beforeReports.push(before);
    afterReports.push(after);
    const old = new Map(before.controls.map((control) => [control.id, control]));
    const seen = new Set<string>();
    for (const control of after.controls) {
      seen.add(control.id);
      const previous = old.get(control.id);
      if (previous?.state !== control.state) controls.push({ id: control.id, title: control.title, before: previous?.state ?? null, after: control.state });
    }
    for (const control of before.controls) if (!seen.has(control.id)) controls.push({ id: control.id, title: control.title, before: control.state, after: null });
  }
  return { controls, totals: { before: sumTotals(beforeReports), after: sumTotals(afterReports) } };
}

function sumTotals(reports: CoverageReport[]): CoverageTotals {
  const totals = { covered: 0, partial: 0, excluded: 0, gap: 0, applicable: 0 };
  for (const report of reports) for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += report.totals[key];
  return { ...totals, coveredPercent: totals.applicable === 0 ? 100 : Math.round((totals.covered / totals.applicable) * 1000) / 10 };
}

type Keyed = ChangeFinding & { identityPath?: string };

function changeFinding(result: CheckedDocument, finding: Finding, rel: (path: string) => string, identityPath?: string): Keyed {
  const start = positionAt(result.document.lineStarts, finding.range.start);
  const out: Keyed = { ruleId: finding.ruleId, severity: finding.severity, path: rel(result.path), line: start.line + 1, column: start.character + 1, message: finding.message };
  if (finding.clause) out.clause = finding.clause;
  if (finding.element) out.element = finding.element;
  if (finding.elements?.length) out.elements = finding.elements.map(({ id, title }) => ({ id, title }));
  if (identityPath) out.identityPath = identityPath;
  return out;
}

/**
 * The identities a finding is matched by. One about several elements (missing-element reports a
 * control once: "3 of 4 elements not found") has one per element, so its changing count does not
 * make it new; it is new when one of its elements is.
 */
function keysOf(finding: Keyed): string[] {
  if (!finding.elements?.length) return [findingKey(finding)];
  return finding.elements.map((element) => findingKey({ ...finding, element: element.id, message: '' }));
}

/** The findings of `a` with an identity (rule, document, control, element, message) not in `b`; never matched by line. */
function subtract(a: Keyed[], b: Keyed[]): Keyed[] {
  const counts = new Map<string, number>();
  for (const key of b.flatMap(keysOf)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return a.filter((finding) => {
    let unmatched = false;
    for (const key of keysOf(finding)) {
      const left = counts.get(key) ?? 0;
      if (left === 0) unmatched = true;
      else counts.set(key, left - 1);
    }
    return unmatched;
  });
}
