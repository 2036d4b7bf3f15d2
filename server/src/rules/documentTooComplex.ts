import type { DocumentRule } from './types';

export const documentTooComplex: DocumentRule = {
  id: 'document-too-complex',
  description: 'A document was not checked: its Markdown would take too long to parse',
  severity: 'error',
  fixable: false,
  workspace: false,
  scope: 'every-file',
  rationale:
    'Some Markdown costs the parser time that grows much faster than its size: a line of 5,000 nested list markers (10 KB), a list indented 1,000 levels deep or 30 KB of nested emphasis each took the parser between 5 and 45 seconds, and in the editor every edit of such a file would hold up every request. So Clausewise parses on a budget. A quick linear scan first refuses a document whose list items and block quotes nest more than `limits.nesting-depth` levels (default 50) or that holds more than `limits.emphasis-markers` `*` and `_` in one paragraph (default 2000); the finding points at that line or paragraph. Then the parse and the document\'s own checks run on a checking thread that is stopped after `limits.parse-seconds` (default 5): in the editor every document, in the CLI the documents of a large run and those the scan finds unusually nested or marked up. A document whose parse needs more than the 256 MB of memory a checking thread may use is stopped the same way. A refused document is not checked otherwise (its frontmatter is not read either), so it is reported whether or not it looks like a policy. Such Markdown is almost always generated or damaged: fix it, split the document, or raise the limit in `.clausewise.yaml`:\n\n```yaml\nlimits:\n  parse-seconds: 10\n  nesting-depth: 100\n  emphasis-markers: 10000\n```',
  check({ document, report }) {
    if (document.readProblem?.kind !== 'too-complex') return;
    report({ message: document.readProblem.message, range: document.readProblem.range ?? { start: 0, end: 0 } });
  },
};
