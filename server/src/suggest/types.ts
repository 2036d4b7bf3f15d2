import type { Control, Element } from '../catalog/types';

/** Why a control was suggested, in words a policy author can check against the document. */
export interface SuggestionReason {
  kind: 'element-heading' | 'title-heading' | 'mention' | 'terms' | 'objective' | 'category';
  /** "heading 'Password requirements' matches element 9.4.3/password-requirements". */
  text: string;
}

/** One control suggested for a document, with its score and the evidence behind it. */
export interface ClauseSuggestion {
  control: Control;
  /** 0–1: how strongly the document addresses the control (comparable across documents). */
  score: number;
  /** The document already names the control in its frontmatter `clauses`. */
  claimed: boolean;
  reasons: SuggestionReason[];
}

export interface SuggestOptions {
  /** The elements expected for a control (the config's overrides); default: the catalog's. */
  elementsOf?: (control: Control) => Element[];
  /**
   * Rank only the controls of this category. Their scores are the ones a full ranking gives (a
   * control's neighbour evidence comes from its own category), at a fraction of the work.
   */
  categoryId?: string;
  /** Keep at most this many suggestions (default: all with any evidence). */
  limit?: number;
}
