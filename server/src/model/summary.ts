import { mentionsOf } from '../catalog/mentions';
import type { Catalog } from '../catalog/catalog';
import { normalizeClauseId } from '../catalog/clauseId';
import { applicabilityItems, type ApplicabilityEntry } from '../document/applicability';
import { elementsFor } from '../config/elements';
import type { ResolvedConfig } from '../config/types';
import { exclusionItems, listItems, scalarField } from '../document/frontmatter';
import { isGenerated } from '../document/generated';
import { computeLineStarts, positionAt } from '../document/lines';
import type { ClauseMention, Exclusion, Frontmatter, Link, Located, PolicyDocument, Range } from '../document/types';
import { matchElements, type ElementMatch, type ElementState } from '../policy/elementMatch';

/** One element of a claimed control, as the document addresses it. */
export interface ElementStatus {
  id: string;
  state: ElementState;
  /** 1-based line of the heading, lead-in or block where it was found (or of the heading left empty). */
  line?: number;
  /** The heading or lead-in, for the heading and empty states. */
  heading?: string;
  /** The words that matched, one per concept, for the prose state. */
  words?: string[];
}

/** The ids of the elements in one state. */
export function elementIds(statuses: ElementStatus[] | undefined, state: ElementState): string[] {
  return (statuses ?? []).filter((status) => status.state === state).map((status) => status.id);
}

/** A claim made with ids of an earlier edition, read through the correspondence. */
export interface ProjectedClaim {
  from: string[];
  elements: ElementStatus[];
}

/** What the workspace keeps of one document: small, serialisable, enough for workspace-wide questions. */
export interface DocumentSummary {
  path: string;
  /** Checked by Clausewise: matched by the config's include globs, or (when the config has none) frontmatter with clauses, excludes or applicability, or type soa. */
  isPolicy: boolean;
  id?: Located;
  title?: string;
  type?: string;
  status?: string;
  owner?: string;
  version?: string;
  approvedBy?: string;
  effective?: string;
  lastReviewed?: string;
  nextReview?: string;
  reviewEvery?: string;
  clauses: Located[];
  exclusions: ExclusionAt[];
  /** The Statement of Applicability's entries (a `type: soa` document); absent in other documents. */
  applicability?: ApplicabilityEntry[];
  /** The `applicability` key, where findings about controls no entry speaks for are shown. */
  applicabilityKey?: Range;
  related: Located[];
  links: Link[];
  mentions: ClauseMention[];
  /** Per claimed control id: each element with its state and where it was found. */
  elements: Record<string, ElementStatus[]>;
  /**
   * Under a catalog that records the earlier edition's ids (ISO/IEC 27002:2022's maps.iso27002_2013): per
   * control the document claims only through such ids (9.1.1 for 5.15), those ids and each element's state.
   * Coverage projects these claims; the rules do not (unknown-clause still reports the old id).
   */
  projected?: Record<string, ProjectedClaim>;
  /** Headings in order (depth, title, line) for outlines and symbols. */
  headings: { depth: number; title: string; start: number }[];
}

/**
 * Builds the summary of a parsed document. `included` says whether the config's include globs match
 * it; a config with include globs decides alone, otherwise Clausewise frontmatter makes a policy. A
 * file Clausewise generated is never a policy.
 */
export function summarize(document: PolicyDocument, catalog: Catalog, config: ResolvedConfig, included: boolean): DocumentSummary {
  const summary = frontmatterFacts(document.path, document.frontmatter, document.text, config, included);
  const elements: DocumentSummary['elements'] = {};
  for (const claim of summary.clauses) {
    const control = catalog.control(claim.source);
    if (!control || elements[control.id]) continue;
    elements[control.id] = matchElements(document, elementsFor(control, config), config.elementMatch).map((match) => elementStatus(document, match));
  }
  const projected = projectedClaims(document, catalog, config, summary.clauses, elements);
  return {
    ...summary,
    title: summary.title ?? document.title,
    links: document.links,
    mentions: mentionsOf(document.mentions, catalog),
    elements,
    ...(projected ? { projected } : {}),
    headings: document.sections.filter((section) => section.kind === 'heading').map((section) => ({ depth: section.depth, title: section.title, start: section.titleRange.start })),
  };
}

/** The controls claimed only through earlier-edition ids, with each element's state (undefined when there are none). */
function projectedClaims(document: PolicyDocument, catalog: Catalog, config: ResolvedConfig, clauses: Located[], direct: Record<string, ElementStatus[]>): Record<string, ProjectedClaim> | undefined {
  let projected: Record<string, ProjectedClaim> | undefined;
  for (const claim of clauses) {
    if (catalog.control(claim.source)) continue;
    for (const control of catalog.successors(claim.source)) {
      if (direct[control.id]) continue;
      projected ??= {};
      const entry = (projected[control.id] ??= {
        from: [],
        elements: matchElements(document, elementsFor(control, config), config.elementMatch).map((match) => elementStatus(document, match)),
      });
      const id = normalizeClauseId(claim.source)!;
      if (!entry.from.includes(id)) entry.from.push(id);
    }
  }
  return projected;
}

/** An `excludes` entry with the line it starts on: where every register's link opens the document. */
export interface ExclusionAt extends Exclusion {
  /** 0-based, as the editor counts lines. */
  line: number;
}

/** Each entry with its line, counted in the frontmatter only (the entries are there). */
function exclusionsAt(exclusions: Exclusion[], text: string): ExclusionAt[] {
  if (exclusions.length === 0) return [];
  const lineStarts = computeLineStarts(text.slice(0, Math.max(...exclusions.map((exclusion) => exclusion.range.end))));
  return exclusions.map((exclusion) => ({ ...exclusion, line: positionAt(lineStarts, exclusion.range.start).line }));
}

/**
 * What a summary holds from the frontmatter alone: all that the workspace rules read of the other
 * documents (id, claims, exclusions, related), without parsing the body (check --changed-since
 * indexes the documents it does not check so). Links, mentions, elements and headings are empty.
 */
export function frontmatterFacts(path: string, frontmatter: Frontmatter | undefined, text: string, config: ResolvedConfig, included: boolean): DocumentSummary {
  const data = frontmatter?.data ?? {};
  const field = (key: string) => scalarField(frontmatter, key)?.value;
  const applicability = applicabilityItems(frontmatter);
  return {
    path,
    // A report Clausewise wrote (the exported Statement of Applicability) is never checked as a policy.
    isPolicy: !isGenerated(text) && (config.include.length > 0 ? included : 'clauses' in data || 'excludes' in data || 'applicability' in data || data.type === 'soa' || claimsDespiteErrors(frontmatter, text)),
    id: scalarField(frontmatter, 'id'),
    // comply's header names the document `name`.
    title: field('title') ?? (frontmatter?.header ? field('name') : undefined),
    type: field('type'),
    status: field('status'),
    owner: field('owner'),
    version: field('version'),
    approvedBy: field('approved-by'),
    effective: field('effective'),
    lastReviewed: field('last-reviewed'),
    nextReview: field('next-review'),
    reviewEvery: field('review-every'),
    clauses: listItems(frontmatter, 'clauses'),
    exclusions: exclusionsAt(exclusionItems(frontmatter), text),
    ...(applicability.length > 0 || field('type') === 'soa' ? { applicability, applicabilityKey: frontmatter?.fields.get('applicability')?.keyRange } : {}),
    related: listItems(frontmatter, 'related'),
    links: [],
    mentions: [],
    elements: {},
    headings: [],
  };
}

/** What the index keeps of an element match: the state, the line, and the heading or words that showed it. */
function elementStatus(document: PolicyDocument, match: ElementMatch): ElementStatus {
  const lineOf = (offset: number) => positionAt(document.lineStarts, offset).line + 1;
  const status: ElementStatus = { id: match.element.id, state: match.state };
  if (match.state === 'prose' && match.evidence) return { ...status, line: lineOf(match.evidence.block.range.start), words: match.evidence.words };
  const section = match.sections.find((candidate) => !candidate.empty) ?? match.sections[0];
  return section ? { ...status, line: lineOf(section.titleRange.start), heading: section.title } : status;
}

/**
 * Frontmatter that does not parse still says it is a policy when it names clauses or excludes as a
 * key, in any YAML style: a block key at the start of a line, or a flow or JSON key after `{` or `,`
 * (`{id: F1, clauses: [9.2.5]}`, `{"clauses": ["9.2.5"]}`).
 */
function claimsDespiteErrors(frontmatter: Frontmatter | undefined, text: string): boolean {
  if (!frontmatter || frontmatter.data) return false;
  const content = text.slice(frontmatter.contentRange.start, Math.min(frontmatter.contentRange.end, frontmatter.contentRange.start + 4000));
  return /(?:^|[{,])[ \t]*(["']?)(?:clauses|excludes|applicability)\1[ \t]*:/m.test(content);
}
