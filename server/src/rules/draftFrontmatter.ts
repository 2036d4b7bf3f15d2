import { basename, extname } from 'node:path';
import { stringify } from 'yaml';
import type { PolicyDocument } from '../document/types';
import { guessDocumentType } from '../suggest/documentType';
import { eol } from './edits';

/** A document id made from its file name: access-control.md → ACCESS-CONTROL. */
export function idFromFileName(path: string): string {
  return basename(path, extname(path)).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').toUpperCase() || 'DOC-001';
}

/** Starting values for keys a config may require besides id, title, type, owner, status, version and clauses. */
const EXTRA_FIELD_DEFAULTS: Record<string, string> = {
  classification: 'TODO',
  'review-every': '12 months',
  'approved-by': 'TODO',
  related: '[]',
  excludes: '[]',
};

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
 * heading or the heading the document opens with (else the file name), type guessed, draft status, TODO owner, and the clauses given.
 */
export function draftFrontmatter(document: PolicyDocument, options: DraftOptions): DraftFrontmatter {
  // The level-1 heading, or a heading the document opens with; one further down ("Escorting") names a
  // section, not the document, so then the file name does. A setext heading can span lines; a title is one line.
  const opening = document.sections.find((section) => section.kind === 'heading' && section.titleRange.start === document.text.search(/\S/));
  const title = (document.title ?? opening?.title)?.replace(/\s+/g, ' ').trim() || fileTitle(document.path);
  const type = guessDocumentType(document, title);
  const id = options.id ?? idFromFileName(document.path);
  const extra = (options.requiredFields ?? []).filter((key) => key in EXTRA_FIELD_DEFAULTS).map((key) => `${key}: ${EXTRA_FIELD_DEFAULTS[key]}`);
  const fields = [`id: ${id}`, `title: ${yamlString(title)}`, `type: ${type}`, 'owner: TODO', 'status: draft', 'version: 0.1.0', ...extra, `clauses: [${options.clauses.join(', ')}]`];
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
