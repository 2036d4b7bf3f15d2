import { basename, extname } from 'node:path';
import { stringify } from 'yaml';
import type { Catalog } from '../catalog/catalog';
import type { PolicyDocument } from '../document/types';
import { eol } from '../rules/edits';
import { idFromFileName } from '../rules/frontmatterMissing';
import { guessDocumentType, type DocumentType } from './documentType';
import { suggestClauses } from './rank';
import type { ClauseSuggestion, SuggestOptions } from './types';

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
  /** Claim exactly these ids (a person chose them) instead of the suggestions above the threshold. */
  clauses?: string[];
}

/** Starting values for keys a config may require besides id, title, type, owner, status, version and clauses. */
const EXTRA_FIELD_DEFAULTS: Record<string, string> = {
  classification: 'TODO',
  'review-every': '12 months',
  'approved-by': 'TODO',
  related: '[]',
  excludes: '[]',
};

/** Draft frontmatter for a document that has none, and the file text with it prepended. */
export interface FrontmatterProposal {
  id: string;
  title: string;
  type: DocumentType;
  /** The suggestions claimed, best first. */
  chosen: ClauseSuggestion[];
  /** Their ids in catalog order, as written in `clauses`. */
  clauses: string[];
  /** The best suggestions overall (for saying why nothing was chosen). */
  suggestions: ClauseSuggestion[];
  /** The frontmatter block, fences and the document's line endings included. */
  block: string;
  /** The new file text: the byte-order mark if there was one, the block, then the old text unchanged. */
  text: string;
}

/** Default threshold and cap: on half of the JupiterOne policies these kept three claims in four right. */
export const ADOPTION_DEFAULTS = { minScore: 0.45, top: 8 } as const;

/**
 * Proposes frontmatter for a document without any: id from the file name (made unique), title from
 * the first heading, type guessed, draft status, TODO owner, and the clauses suggested above the
 * threshold. The body is not touched, placeholders included.
 */
export function proposeFrontmatter(document: PolicyDocument, catalog: Catalog, options: AdoptionOptions): FrontmatterProposal {
  const heading = document.title ?? document.sections.find((section) => section.kind === 'heading')?.title;
  // A setext heading can span lines; a title is one line.
  const title = heading?.replace(/\s+/g, ' ').trim() || fileTitle(document.path);
  const type = guessDocumentType(document, title);
  const id = freeId(idFromFileName(document.path), options.takenIds);
  const suggestions = suggestClauses(document, catalog, { elementsOf: options.elementsOf });
  const given = options.clauses && new Set(options.clauses);
  const chosen = given ? suggestions.filter((suggestion) => given.has(suggestion.control.id)) : suggestions.filter((suggestion) => suggestion.score >= options.minScore).slice(0, options.top);
  const order = new Map(catalog.controls.map((control, position) => [control.id, position]));
  const clauses = (given ? [...given] : chosen.map((suggestion) => suggestion.control.id)).sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
  const newline = eol(document);
  const extra = (options.requiredFields ?? []).filter((key) => key in EXTRA_FIELD_DEFAULTS).map((key) => `${key}: ${EXTRA_FIELD_DEFAULTS[key]}`);
  const fields = [`id: ${id}`, `title: ${yamlString(title)}`, `type: ${type}`, 'owner: TODO', 'status: draft', 'version: 0.1.0', ...extra, `clauses: [${clauses.join(', ')}]`];
  const lines = ['---', ...fields, '---'];
  const block = lines.map((line) => line + newline).join('');
  return { id, title, type, chosen, clauses, suggestions: suggestions.slice(0, 3), block, text: (document.bom ? '\uFEFF' : '') + block + document.text };
}

function fileTitle(path: string): string {
  const words = basename(path, extname(path)).replace(/[-_.]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Untitled';
}

/** A one-line YAML scalar for the title: plain when YAML reads it back as the same string, quoted otherwise. */
function yamlString(text: string): string {
  return stringify(text, { lineWidth: 0, blockQuote: false }).trimEnd();
}

function freeId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
