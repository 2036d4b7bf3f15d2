import type { PolicyDocument } from '../document/types';
import { termsOf } from './terms';

/** The terms of a document, weighted by where they stand. */
export interface DocumentTerms {
  /** Term key → weighted count (a word in a heading counts more than one in the body). */
  frequency: Map<string, number>;
  /** Term key → the words as first written in the document. */
  surface: Map<string, string>;
  /** Total weighted count, for comparing long and short documents. */
  total: number;
}

/** A heading names the topic of everything under it; a bold lead-in names a paragraph's. */
const HEADING_WEIGHT = 3;
const LEAD_IN_WEIGHT = 1.5;

/** Counts the terms of the body (frontmatter left out) plus extra weight for headings and lead-ins. */
export function documentTerms(document: PolicyDocument): DocumentTerms {
  const result: DocumentTerms = { frequency: new Map(), surface: new Map(), total: 0 };
  const add = (text: string, weight: number) => {
    for (const term of termsOf(text)) {
      result.frequency.set(term.key, (result.frequency.get(term.key) ?? 0) + weight);
      if (!result.surface.has(term.key)) result.surface.set(term.key, term.surface);
      result.total += weight;
    }
  };
  add(document.text.slice(document.frontmatter?.range.end ?? 0), 1);
  // The body already counted each heading once.
  for (const section of document.sections) add(section.title, section.kind === 'heading' ? HEADING_WEIGHT - 1 : LEAD_IN_WEIGHT - 1);
  return result;
}
