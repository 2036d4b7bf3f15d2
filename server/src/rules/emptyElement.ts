import { elementsFor } from '../config/elements';
import { matchElements } from '../policy/elementMatch';
import { claimedControls } from './claimedControls';
import type { DocumentRule } from './types';

export const emptyElement: DocumentRule = {
  id: 'empty-element',
  description: 'The section for a claimed control’s element holds only TODO/TBD or placeholder text',
  severity: 'error',
  fixable: false,
  workspace: false,
  rationale:
    'A heading alone does not address a topic. A section whose text is only TODO, TBD, FIXME, "to be defined", "[insert …]", lorem ipsum or an HTML comment counts as empty, and so does a pseudo-heading (a paragraph that is only bold text) followed only by such text. Write what the organisation actually does there. When the element is addressed elsewhere in the document (under another heading, or in prose), the empty section is not reported.',
  check({ document, summary, catalog, config, report }) {
    for (const { control } of claimedControls(summary, catalog)) {
      for (const match of matchElements(document, elementsFor(control, config), config.elementMatch)) {
        if (match.state !== 'empty') continue;
        const section = match.sections[0]!;
        report({
          message: `"${section.title}" (${control.id} ${control.title}, element ${match.element.id}) has no real text yet; write what the organisation does. Hint: ${match.element.prompt}`,
          range: section.titleRange,
          clause: control.id,
          element: match.element.id,
        });
      }
    }
  },
};
