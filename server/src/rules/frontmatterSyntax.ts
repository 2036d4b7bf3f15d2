import { lineRange } from './edits';
import type { DocumentRule } from './types';

export const frontmatterSyntax: DocumentRule = {
  id: 'frontmatter-syntax',
  description: 'The frontmatter is not valid YAML, is never closed, or is not YAML at all',
  severity: 'error',
  fixable: false,
  workspace: false,
  rationale:
    'Clausewise reads frontmatter as YAML between two `---` lines at the very top of the file. A syntax error hides every key, so the document cannot be checked until it is mended. The finding sits where the problem starts, not where the parser gave up — on the `[`, `{` or quote never closed, on the value whose `: ` needs quotes, on the line indented wrongly — and says what to do ("this list is never closed: add ]").',
  check({ document, report }) {
    const frontmatter = document.frontmatter;
    if (!frontmatter) return;
    if (frontmatter.format === 'toml') {
      report({ message: 'TOML frontmatter (+++) is not read by Clausewise; write the keys as YAML between --- lines', range: lineRange(document, 0) });
      return;
    }
    if (!frontmatter.closed) {
      report({ message: 'the frontmatter opened on line 1 is never closed; add a line with --- after its last key', range: lineRange(document, 0) });
      return;
    }
    for (const error of frontmatter.syntaxErrors) {
      report({ message: `frontmatter YAML: ${error.message}`, range: error.range });
    }
  },
};
