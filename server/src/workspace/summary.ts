import type { Catalog } from '../catalog/catalog';
import { elementsFor } from '../config/elements';
import type { ResolvedConfig } from '../config/types';
import { exclusionItems, listItems, scalarField } from '../document/frontmatter';
import type { ClauseMention, Exclusion, Link, Located, PolicyDocument } from '../document/types';
import { matchElements } from './elementMatch';

/** What the workspace keeps of one document: small, serialisable, enough for workspace-wide questions. */
export interface DocumentSummary {
  path: string;
  /** Checked by Clausewise: matched by the config's include globs, or (when the config has none) frontmatter with clauses/excludes. */
  isPolicy: boolean;
  id?: Located;
  title?: string;
  type?: string;
  status?: string;
  owner?: string;
  version?: string;
  effective?: string;
  lastReviewed?: string;
  nextReview?: string;
  reviewEvery?: string;
  clauses: Located[];
  exclusions: Exclusion[];
  related: Located[];
  links: Link[];
  mentions: ClauseMention[];
  /** Per claimed control id: element ids by state. */
  elements: Record<string, { present: string[]; empty: string[]; missing: string[] }>;
  /** Headings in order (depth, title, line) for outlines and symbols. */
  headings: { depth: number; title: string; start: number }[];
}

/**
 * Builds the summary of a parsed document. `included` says whether the config's include globs match
 * it; a config with include globs decides alone, otherwise Clausewise frontmatter makes a policy.
 */
export function summarize(document: PolicyDocument, catalog: Catalog, config: ResolvedConfig, included: boolean): DocumentSummary {
  const frontmatter = document.frontmatter;
  const data = frontmatter?.data ?? {};
  const text = (key: string) => scalarField(frontmatter, key)?.value;
  const clauses = listItems(frontmatter, 'clauses');
  const exclusions = exclusionItems(frontmatter);
  const elements: DocumentSummary['elements'] = {};
  for (const claim of clauses) {
    const control = catalog.control(claim.source);
    if (!control || elements[control.id]) continue;
    const matches = matchElements(document, elementsFor(control, config));
    const ids = (state: string) => matches.filter((match) => match.state === state).map((match) => match.element.id);
    elements[control.id] = { present: ids('present'), empty: ids('empty'), missing: ids('missing') };
  }
  return {
    path: document.path,
    isPolicy: config.include.length > 0 ? included : 'clauses' in data || 'excludes' in data || claimsDespiteErrors(document),
    id: scalarField(frontmatter, 'id'),
    // comply's header names the document `name`.
    title: text('title') ?? (frontmatter?.header ? text('name') : undefined) ?? document.title,
    type: text('type'),
    status: text('status'),
    owner: text('owner'),
    version: text('version'),
    effective: text('effective'),
    lastReviewed: text('last-reviewed'),
    nextReview: text('next-review'),
    reviewEvery: text('review-every'),
    clauses,
    exclusions,
    related: listItems(frontmatter, 'related'),
    links: document.links,
    mentions: document.mentions,
    elements,
    headings: document.sections.filter((section) => section.kind === 'heading').map((section) => ({ depth: section.depth, title: section.title, start: section.titleRange.start })),
  };
}

/** Frontmatter that does not parse still says it is a policy when a line starts with clauses: or excludes:. */
function claimsDespiteErrors(document: PolicyDocument): boolean {
  const frontmatter = document.frontmatter;
  if (!frontmatter || frontmatter.data) return false;
  const content = document.text.slice(frontmatter.contentRange.start, Math.min(frontmatter.contentRange.end, frontmatter.contentRange.start + 4000));
  return /^(?:clauses|excludes)\s*:/m.test(content);
}
