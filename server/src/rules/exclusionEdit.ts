import type { PolicyDocument } from '../document/types';
import type { TextEdit } from '../findings/types';
import { addToListEdit } from './clauseListEdit';
import { yamlClauseId } from './edits';

/**
 * The edit that adds `{ clause, justification }` to a document's `excludes`, in the list's own style
 * (addToListEdit): a new block item after the last one, at the list's indentation, a new entry of a
 * flow list, or, where there is no list yet, a block list (a comment after `excludes:` stays).
 * Undefined when the frontmatter is not a mapping that parses, or `excludes` is a mapping.
 */
export function addExclusionEdit(document: PolicyDocument, clauseId: string, justification: string): TextEdit | undefined {
  return addToListEdit(document, 'excludes', [[`clause: ${yamlClauseId(clauseId)}`, `justification: ${JSON.stringify(justification)}`]]);
}
