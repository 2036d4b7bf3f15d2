/** An element: one topic a document claiming a control is expected to address (Clausewise's baseline). */
export interface Element {
  id: string;
  title: string;
  aliases: string[];
  prompt: string;
  /**
   * What a block of prose that addresses the element talks about, in Clausewise's words: concept
   * groups (each a list of words, phrases, word starts or $frequency / $duration / $role), all of
   * which must be found in one paragraph, list item, table row or short section.
   */
  evidence: string[][];
  /** The organisation's own phrases (from .clausewise.yaml): any one of them in a block addresses the element. */
  phrases?: string[];
}

/** A control: the level documents claim in their `clauses`. */
export interface Control {
  kind: 'control';
  id: string;
  title: string;
  summary: string;
  health?: string;
  essential: boolean;
  reason?: string;
  elements: Element[];
  /** Framework name → identifiers in that framework (e.g. iso27002_2022 → ['8.5']). */
  maps: Record<string, string[]>;
  objectiveId: string;
  categoryId: string;
  /** 1-based line of the control in its catalog file. */
  line: number;
}

export interface Objective {
  kind: 'objective';
  id: string;
  title: string;
  categoryId: string;
  controls: Control[];
  line: number;
}

export interface Category {
  kind: 'category';
  id: string;
  title: string;
  objectives: Objective[];
  line: number;
}

export type Clause = Category | Objective | Control;

export interface Framework {
  title: string;
  derivation?: string;
  /** A short label for column headings (default: the title). */
  short?: string;
  /** Items are the corresponding controls of another edition: their titles are other names for mapped controls. */
  alternateTitles?: boolean;
  items: Record<string, string>;
}

export interface CatalogInfo {
  id: string;
  title: string;
  /** Short name for messages, e.g. "ISO 27799:2016". */
  name: string;
  /** Short label for status bars, e.g. "27799". */
  short: string;
  version?: string;
  notice?: string;
  /** Absolute path of the file the catalog was read from. */
  file: string;
}
