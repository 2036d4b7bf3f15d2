import { draftFrontmatter } from './draftFrontmatter';
import { fix, insertAt, lineRange } from './edits';
import type { DocumentRule } from './types';

export const frontmatterMissing: DocumentRule = {
  id: 'frontmatter-missing',
  description: 'A policy document has no frontmatter block',
  severity: 'error',
  fixable: true,
  workspace: false,
  rationale:
    'Files matched by `include` in `.clausewise.yaml` are policy documents. Without frontmatter Clausewise cannot tell which clauses the document implements, who owns it or whether it is approved. The fix inserts a draft frontmatter block at the top; the body is left as it is.',
  check({ document, summary, config, report }) {
    if (document.frontmatter || document.readProblem || !summary.isPolicy) return;
    // A block further down (after a blank line or a comment) is not frontmatter; moving it is the author's call.
    const fence = /^---[ \t]*\r?\n[\s\S]*?^(?:clauses|excludes|id|title):/m.exec(document.text.slice(0, 2000));
    const misplaced = fence ? document.text.slice(0, fence.index).split(/\r?\n|\r/).length : 0;
    report({
      message: misplaced
        ? `this policy document's frontmatter does not start on the first line (the --- on line ${misplaced} is read as Markdown); move the block to the very top of the file`
        : 'this policy document has no frontmatter; add a --- block with id, title, type, owner, status, version and the clauses it implements',
      range: lineRange(document, 0),
      fixes: misplaced ? [] : [fix('Insert a draft frontmatter block', [insertAt(0, draftFrontmatter(document, { clauses: [], requiredFields: config.requiredFields }).block)])],
    });
  },
};
