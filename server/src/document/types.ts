import type { Document } from 'yaml';
import type { UnclosedBlock } from './unclosedBlock';

/** A span of the document text as [start, end) UTF-16 offsets (the core's unit; edges convert). */
export interface Range {
  start: number;
  end: number;
}

/** A scalar from the frontmatter with the exact range of its source text. */
export interface Located<T = string> {
  value: T;
  /** The scalar's source text (so `9.10` stays `9.10`, not the number 9.1). */
  source: string;
  range: Range;
}

/** One top-level key of the frontmatter. */
export interface FrontmatterField {
  key: string;
  keyRange: Range;
  /** Range of the value; an empty range right after the colon when the value is missing. */
  valueRange: Range;
  value: unknown;
}

export interface Exclusion {
  clause?: Located;
  justification?: Located;
  until?: Located;
  range: Range;
}

export interface Frontmatter {
  format: 'yaml' | 'toml';
  /** The whole block, fences included. */
  range: Range;
  /** The text between the fences. */
  contentRange: Range;
  closed: boolean;
  /**
   * strongdm/comply's header: YAML from the first line to a `---` line, with no opening fence.
   * Keys added to it go above that line, where comply still reads them.
   */
  header?: true;
  /** The parsed data when it is a YAML mapping without syntax errors. */
  data?: Record<string, unknown>;
  /** The YAML document, for features that need node-level ranges. */
  yaml?: Document;
  fields: Map<string, FrontmatterField>;
  syntaxErrors: { message: string; range: Range }[];
}

/**
 * A heading with the extent of its section; a pseudo-heading (a paragraph that is only bold text)
 * with the text up to the next heading or pseudo-heading; or a lead-in (a bold opening, a list item's
 * short label, a table row's first cell) with the text it opens.
 */
export interface Section {
  kind: 'heading' | 'pseudo-heading' | 'lead-in';
  /** The heading or lead-in text as written. */
  title: string;
  /** Comparison key: lower case, leading numbering, punctuation and spaces removed. */
  key: string;
  /** Looser key: singular American words without small words or a trailing "policy"/"procedure", two words in either order. */
  looseKey: string;
  depth: number;
  /** The heading line or the bold lead-in. */
  titleRange: Range;
  /** The text that belongs to it (for headings up to the next heading of the same or higher level). */
  bodyRange: Range;
  /** True when the body holds no real text (only TODO/TBD/placeholders). */
  empty: boolean;
}

/** A unit of text in which prose evidence must co-occur: a paragraph, a list item, a table row or a short section. */
export interface TextBlock {
  kind: 'paragraph' | 'list-item' | 'table-row' | 'section';
  /** The whole block, for locations. */
  range: Range;
  /** The block's own text (a list item without its nested lists). */
  own: Range[];
  /** Text that frames it: the nearest heading, the sentence introducing a list, the parent item, a table's header row. */
  context: Range[];
  /** The block's own title (a section's heading, a lead-in): the block is no evidence when the rest is only placeholders. */
  title?: Range;
}

/** A reference to a clause in the body: "ISO 27799 9.4.2", "27799 9.4.2", "§9.4.2". */
export interface ClauseMention {
  /** Canonical id as written (may be unknown to the catalog). */
  id: string;
  text: string;
  range: Range;
}

export interface Link {
  url: string;
  range: Range;
}

export interface Suppression {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-file';
  /** Empty means every rule. */
  rules: string[];
  /** 0-based line of the comment. */
  line: number;
  range: Range;
}

/** Why a file could not be read as text, or was not parsed (the document is then mostly empty). */
export interface ReadProblem {
  kind: 'binary' | 'encoding' | 'too-large' | 'unreadable' | 'too-complex';
  message: string;
  /** Where the problem is, when it is in one place. */
  range?: Range;
}

/** A parsed policy document: everything the rules and the index need, parsed once per change. */
export interface PolicyDocument {
  path: string;
  text: string;
  /** The text started with a byte-order mark (stripped from `text`). */
  bom: boolean;
  lineStarts: number[];
  frontmatter?: Frontmatter;
  /** Headings, pseudo-headings and lead-ins in document order. */
  sections: Section[];
  /** Paragraphs, list items, table rows and short sections in document order. */
  blocks: TextBlock[];
  /** The first level-1 heading, if any. */
  title?: string;
  mentions: ClauseMention[];
  links: Link[];
  suppressions: Suppression[];
  /** The code fence or HTML block the text ends inside of: text appended at the end would land in it. */
  unclosed?: UnclosedBlock;
  readProblem?: ReadProblem;
}
