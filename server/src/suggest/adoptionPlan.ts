import { basename } from 'node:path';
import type { Catalog } from '../catalog/catalog';
import type { Frontmatter, PolicyDocument } from '../document/types';
import { chooseClauses, proposeFrontmatter, type AdoptionOptions, type FrontmatterProposal } from './adoption';

/** Rules whose findings on a proposed block mean it is not valid frontmatter: `adopt` never writes such a block. */
export const FRONTMATTER_RULES: ReadonlySet<string> = new Set(['frontmatter-missing', 'frontmatter-syntax', 'frontmatter-schema', 'required-field', 'duplicate-id']);

/** Why `adopt` leaves a file that is a Clausewise document already. */
export const ALREADY_TAGGED = 'already has Clausewise frontmatter';

/** Files every repository has that are not policies. */
const PROJECT_FILE = /^(?:readme|changelog|contributing|license|licence|code_of_conduct|security|todo)(?:\..*)?$/i;

/** What `adopt` does with one parsed file: a draft block to prepend, or why the file is left alone. */
export type AdoptionOutcome =
  | { proposal: FrontmatterProposal }
  | { skipped: string; belowThreshold?: false }
  /** No control reached the threshold: `skipped` says which came closest; the caller says what to do about it. */
  | { skipped: string; belowThreshold: true };

/** Why `adopt` leaves a file alone before ranking anything: Clausewise frontmatter, or a README-like project file. */
function adoptionRefusal(document: PolicyDocument): string | undefined {
  const fields = document.frontmatter?.fields;
  if (fields?.has('clauses') || fields?.has('excludes')) return ALREADY_TAGGED;
  if (!document.frontmatter && PROJECT_FILE.test(basename(document.path))) return 'a README or project file, not a policy';
  return undefined;
}

/**
 * The draft block `adopt` proposes for a file without frontmatter, or why it proposes none: the same
 * decision for `clausewise adopt` and the editor's "Adopt this folder…".
 */
export function planAdoption(document: PolicyDocument, catalog: Catalog, options: AdoptionOptions): AdoptionOutcome {
  const refusal = adoptionRefusal(document);
  if (refusal) return { skipped: refusal };
  if (document.frontmatter) return { skipped: ownFrontmatter(document.frontmatter, chooseClauses(document, catalog, options).clauses, options.minScore) };
  const proposal = proposeFrontmatter(document, catalog, options);
  if (proposal.chosen.length > 0) return { proposal };
  const best = proposal.suggestions.map((s) => `${s.control.id} at ${s.score.toFixed(2)}`).join(', ') || 'none';
  return { skipped: `no control scored ${options.minScore} or more (best: ${best})`, belowThreshold: true };
}

/**
 * Why a file with frontmatter of its own (a comply header, Jekyll's…) is left alone, and how to
 * adopt it by hand: `check --fix` adds the other required keys once it claims clauses.
 */
function ownFrontmatter(frontmatter: Frontmatter, clauses: string[], minScore: number): string {
  const keys = frontmatter.fields.size ? ` (${[...frontmatter.fields.keys()].join(', ')})` : '';
  const what = frontmatter.header ? `a comply-style header of its own${keys}` : `a frontmatter block of its own${keys}`;
  const where = frontmatter.header ? ' above its --- line' : '';
  const claim = clauses.length ? `add "clauses: [${clauses.join(', ')}]"${where}` : `add the clauses it implements${where} (no control scored ${minScore} or more)`;
  return `has ${what}; ${claim}, then run clausewise check --fix on it to add the other required keys`;
}
