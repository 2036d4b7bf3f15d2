import { basename, extname } from 'node:path';
import { stringify } from 'yaml';
import type { PolicyDocument } from '../document/types';
import { guessDocumentType } from '../suggest/documentType';
import { eol } from './edits';

/** A document id made from its file name: access-control.md → ACCESS-CONTROL. */
export function idFromFileName(path: string): string {
  return basename(path, extname(path)).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').toUpperCase() || 'DOC-001';
}

/**
 * Starting values a draft or a fix writes for a key: valid for the schema, and plainly still to be
 * completed where a person must decide. Keys with no safe value (dates) have none.
 */
const STARTER_VALUES: Record<string, string> = {
  type: 'policy',
  owner: 'TODO',
  status: 'draft',
  version: '0.1.0',
  'review-every': '12 months',
  classification: 'TODO',
  'approved-by': 'TODO',
  clauses: '[]',
  related: '[]',
  excludes: '[]',
  tags: '[]',
};

/** The value a draft or the required-field fix writes for `key`; undefined when none is safe. */
export function starterValue(key: string, path: string, title: string | undefined): string | undefined {
  if (key === 'id') return idFromFileName(path);
  if (key === 'title') return yamlString(title ?? fileTitle(path));
  return STARTER_VALUES[key];
}

/** The keys every draft writes, in this order; a config's other required keys follow when they have a starter value. */
const DRAFT_KEYS = ['id', 'title', 'type', 'owner', 'status', 'version'];

export interface DraftOptions {
  /** Default: from the file name. */
  id?: string;
  /** The ids to claim, as written in `clauses`. */
  clauses: string[];
  /** The config's required fields: those beyond the usual set get a starting value when one is safe. */
  requiredFields?: string[];
}

/** What a draft block says, and the block itself (fences and the document's line endings included). */
export interface DraftFrontmatter {
  id: string;
  title: string;
  type: ReturnType<typeof guessDocumentType>;
  block: string;
}

/**
 * The one draft frontmatter for a document that has none, used by the frontmatter-missing fix, by
 * `adopt` and by the editor's "Suggest clauses": id from the file name, title from the level-1
 * heading or the heading the document opens with (else the file name), type guessed, draft status, TODO owner, and the clauses given
 * as a block list.
 */
export function draftFrontmatter(document: PolicyDocument, options: DraftOptions): DraftFrontmatter {
  // The level-1 heading, or a heading the document opens with; one further down ("Escorting") names a
  // section, not the document, so then the file name does. A setext heading can span lines; a title is one line.
  const opening = document.sections.find((section) => section.kind === 'heading' && section.titleRange.start === document.text.search(/\S/));
  const title = (document.title ?? opening?.title)?.replace(/\s+/g, ' ').trim() || fileTitle(document.path);
  const type = guessDocumentType(document, title);
  const id = options.id ?? idFromFileName(document.path);
  const given: Record<string, string> = { id, title: yamlString(title), type };
  const extra = (options.requiredFields ?? []).filter((key) => !DRAFT_KEYS.includes(key) && key !== 'clauses' && STARTER_VALUES[key] !== undefined);
  // The claims one per line (block style), so each id has room for its title hint; none is `clauses: []`.
  const clauses = options.clauses.length ? ['clauses:', ...options.clauses.map((clause) => `  - ${clause}`)] : ['clauses: []'];
  const fields = [...[...DRAFT_KEYS, ...extra].map((key) => `${key}: ${given[key] ?? STARTER_VALUES[key]}`), ...clauses];
  const newline = eol(document);
  return { id, title, type, block: ['---', ...fields, '---'].map((line) => line + newline).join('') };
}

function fileTitle(path: string): string {
  const words = basename(path, extname(path)).replace(/[-_.]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Untitled';
}

/** A one-line YAML scalar for the title: plain when YAML reads it back as the same string, quoted otherwise. */
function yamlString(text: string): string {
  return stringify(text, { lineWidth: 0, blockQuote: false }).trimEnd();
}
