import type { Catalog } from '../catalog/catalog';
import type { PolicyDocument } from '../document/types';
import { draftFrontmatter, idFromFileName, type DraftFrontmatter } from '../rules/draftFrontmatter';
import { suggestClauses } from './rank';
import type { ClauseSuggestion, SuggestOptions } from './types';
import { withBom } from '../text/bom';

/** How `adopt` turns suggestions into a draft's clauses. */
export interface AdoptionOptions extends Pick<SuggestOptions, 'elementsOf'> {
  /** The lowest score a suggestion needs to be claimed. */
  minScore: number;
  /** Claim at most this many clauses. */
  top: number;
  /** Document ids already used; the proposal takes a free one and adds it here. */
  takenIds: Set<string>;
  /** The config's required fields: those beyond the usual set get a starting value when one is safe. */
  requiredFields?: string[];
}

/** Draft frontmatter for a document that has none, and the file text with it prepended. */
export interface FrontmatterProposal extends DraftFrontmatter, ClauseChoice {
  /** The new file text: the byte-order mark if there was one, the block, then the old text unchanged. */
  text: string;
}

/** Default threshold and cap: on half of the JupiterOne policies these kept three claims in four right. */
export const ADOPTION_DEFAULTS = { minScore: 0.45, top: 8 } as const;

/** What `adopt` would claim for a document: the suggestions at or above the threshold, at most `top`. */
export interface ClauseChoice {
  /** The best suggestions overall (for saying why nothing was chosen). */
  suggestions: ClauseSuggestion[];
  /** The suggestions claimed, best first. */
  chosen: ClauseSuggestion[];
  /** Their ids in catalog order, as written in `clauses`. */
  clauses: string[];
}

/** The suggestions `adopt` claims for a document, whether it then writes them or names them. */
export function chooseClauses(document: PolicyDocument, catalog: Catalog, options: Pick<AdoptionOptions, 'minScore' | 'top' | 'elementsOf'>): ClauseChoice {
  const suggestions = suggestClauses(document, catalog, { elementsOf: options.elementsOf });
  const chosen = suggestions.filter((suggestion) => suggestion.score >= options.minScore).slice(0, options.top);
  return { suggestions: suggestions.slice(0, 3), chosen, clauses: inCatalogOrder(catalog, chosen.map((suggestion) => suggestion.control.id)) };
}

/**
 * The draft block claiming these clauses for a document without frontmatter, under an id from its
 * file name that no other document has (taken into `takenIds`).
 */
export function draftClaiming(document: PolicyDocument, clauses: string[], takenIds: Set<string>, requiredFields?: string[]): DraftFrontmatter {
  return draftFrontmatter(document, { id: freeId(idFromFileName(document.path), takenIds), clauses, requiredFields });
}

/**
 * Proposes frontmatter for a document without any: id from the file name (made unique), title from
 * the level-1 heading, type guessed, draft status, TODO owner, and the clauses suggested above the
 * threshold. The body is not touched, placeholders included.
 */
export function proposeFrontmatter(document: PolicyDocument, catalog: Catalog, options: AdoptionOptions): FrontmatterProposal {
  const choice = chooseClauses(document, catalog, options);
  const draft = draftClaiming(document, choice.clauses, options.takenIds, options.requiredFields);
  return { ...draft, ...choice, text: withBom(draft.block + document.text, document.bom) };
}

/** Clause ids in the order the catalog lists them, as `clauses` is written. */
export function inCatalogOrder(catalog: Catalog, ids: string[]): string[] {
  const order = new Map(catalog.controls.map((control, position) => [control.id, position]));
  return [...ids].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
}

/** The id, or the id with -2, -3… when another document has it; the one taken is added to `taken`. */
export function freeId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
