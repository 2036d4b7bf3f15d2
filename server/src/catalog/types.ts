/**
 * What kind of organisation a policy set belongs to (the config's `organisation-type`): one that runs
 * care premises or patient record systems itself, one that builds or hosts health technology for
 * others (vendors, business associates), or neither.
 */
export type OrganisationType = 'care-provider' | 'health-technology' | 'other';

export const ORGANISATION_TYPES: readonly OrganisationType[] = ['care-provider', 'health-technology', 'other'];

/** An element: one topic a document claiming a control is expected to address (Clausewise's baseline). */
export interface Element {
  id: string;
  title: string;
  aliases: string[];
  prompt: string;
  /** The kinds of organisation expected to address it; absent: every kind. */
  appliesTo?: OrganisationType[];
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
  /** Element ids the control no longer has, and where each went (so a config naming one can be told). */
  retiredElements: RetiredElement[];
  /**
   * Framework name → identifiers in that framework (e.g. iso27002_2022 → ['8.5']): the curated links,
   * that is the derived links minus those a review removed, plus those it added.
   */
  maps: Record<string, string[]>;
  /** Framework name → the derived layer and what review changed, for each framework reviewed on this control. */
  mapReview: Record<string, MapReview>;
  objectiveId: string;
  categoryId: string;
  /** 1-based line of the control in its catalog file. */
  line: number;
}

/** An element id a control no longer has: replaced by another of its elements, or moved to another control. */
export interface RetiredElement {
  id: string;
  replacedBy?: string;
  movedTo?: string;
  reason: string;
}

/** A link a review added to or removed from a derived mapping, and why. */
export interface ReviewedLink {
  id: string;
  /** One line, in the reviewer's own words. */
  reason: string;
}

/** A control's links to one framework: the derived starting layer and the review on top of it. */
export interface MapReview {
  /** The links as derived, before review (the control's `maps` entry in the catalog file). */
  derived: string[];
  added: ReviewedLink[];
  removed: ReviewedLink[];
}

/**
 * Where a link of a control's mapping comes from: the derivation alone, the derivation confirmed by
 * the framework's review, or the review itself.
 */
export type LinkOrigin = 'derived' | 'confirmed' | 'added';

/** One curated link, with its origin (and the reason, for a link the review added). */
export interface MapLink {
  id: string;
  origin: LinkOrigin;
  reason?: string;
}

export interface Objective {
  kind: 'objective';
  id: string;
  title: string;
  /**
   * True for the one objective a category without objectives holds (ISO/IEC 27002:2022's themes hold
   * their controls directly): it shares the category's id and title and is no clause of its own.
   */
  implicit?: boolean;
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
  /** How the derived links were reviewed; when set, every derived link a control keeps counts as confirmed. */
  reviewed?: string;
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
