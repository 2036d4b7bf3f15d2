import { isDeepStrictEqual } from 'node:util';
import { readFrontmatter } from '../document/frontmatter';
import { positionAt } from '../document/lines';
import type { PolicyDocument } from '../document/types';
import type { TextEdit } from '../findings/types';
import { eol, insertAt, lineRange } from './edits';

/**
 * A `clausewise-disable-next-line <rule>` comment for the line a finding starts on: in the
 * frontmatter a YAML comment line above it (none on the opening fence, or where the comment would
 * change what the frontmatter says); in the body an HTML comment at the end of the line above it
 * when that line is text, else on a line of its own (a comment after a heading would become part of
 * its title). Nothing of the user's text is changed.
 */
export function disableNextLineEdit(document: PolicyDocument, ruleId: string, offset: number): TextEdit | undefined {
  const line = positionAt(document.lineStarts, offset).line;
  const lineStart = document.lineStarts[line]!;
  const newline = eol(document);
  const frontmatter = document.frontmatter;
  if (frontmatter && offset < frontmatter.range.end) {
    if (!frontmatter.data || lineStart <= frontmatter.range.start || lineStart >= frontmatter.contentRange.end) return undefined;
    const indent = /^[ \t]*/.exec(document.text.slice(lineStart, lineStart + 200))![0];
    const edit = insertAt(lineStart, `${indent}# clausewise-disable-next-line ${ruleId}${newline}`);
    const after = readFrontmatter(document.text.slice(0, lineStart) + edit.newText + document.text.slice(lineStart));
    return after?.data && isDeepStrictEqual(after.data, frontmatter.data) ? edit : undefined;
  }
  const comment = `<!-- clausewise-disable-next-line ${ruleId} -->`;
  const above = line > 0 ? lineRange(document, line - 1) : undefined;
  const text = above ? document.text.slice(above.start, above.end) : '';
  const isProse = above !== undefined && above.start >= (frontmatter?.range.end ?? 0) && text.trim() !== '' && !/^\s{0,3}(#|```|~~~|<!--)/.test(text) && !text.includes('-->');
  return isProse ? insertAt(above.end, ` ${comment}`) : insertAt(lineStart, `${comment}${newline}`);
}
