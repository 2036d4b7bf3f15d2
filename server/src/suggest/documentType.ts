import { basename, dirname, extname } from 'node:path';
import type { PolicyDocument } from '../document/types';

/** The document types of the frontmatter schema. */
export type DocumentType = 'policy' | 'standard' | 'procedure' | 'guideline' | 'plan' | 'record';

/** Words in a file name or title that say what kind of document it is, checked in this order. */
const TYPE_WORDS: [DocumentType, RegExp][] = [
  ['policy', /\bpolic(?:y|ies)\b/],
  ['procedure', /\b(?:procedures?|process|runbooks?|playbooks?|how to|checklist|sop|work instructions?)\b/],
  ['standard', /\b(?:standards?|baselines?)\b/],
  ['guideline', /\b(?:guidelines?|guidance|guide|handbook|best practices?)\b/],
  ['plan', /\bplans?\b/],
  ['record', /\b(?:register|minutes|log ?book)\b/],
];

/** Headings that only procedures have: numbered steps. */
const STEP_HEADING = /^(?:step\s*\d+|steps|procedure)\b/i;

/**
 * The likely type of a document from its file name and title (an explicit "policy" wins), then its
 * folder's name (procedures/), then step-by-step headings; a policy when nothing says otherwise.
 */
export function guessDocumentType(document: PolicyDocument, title: string | undefined): DocumentType {
  const name = basename(document.path, extname(document.path));
  const folder = basename(dirname(document.path));
  for (const text of [`${name} ${title ?? ''}`, folder]) {
    const words = text.toLowerCase().replace(/[^a-z0-9]+/g, ' ');
    for (const [type, pattern] of TYPE_WORDS) if (pattern.test(words)) return type;
  }
  const steps = document.sections.filter((section) => section.kind === 'heading' && STEP_HEADING.test(section.title));
  return steps.length > 0 ? 'procedure' : 'policy';
}
