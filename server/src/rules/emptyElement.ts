import type { Element } from '../catalog/types';
import { elementsFor } from '../config/elements';
import { positionAt } from '../document/lines';
import type { PolicyDocument, Section } from '../document/types';
import { matchElements } from '../policy/elementMatch';
import { claimedControls } from './claimedControls';
import { controlElementsFinding } from './controlElements';
import { isSuppressed } from './suppression';
import type { DocumentRule } from './types';

const RULE_ID = 'empty-element';

export const emptyElement: DocumentRule = {
  id: RULE_ID,
  description: 'The sections for a claimed control’s elements hold only TODO/TBD or placeholder text',
  severity: 'error',
  fixable: false,
  workspace: false,
  rationale:
    'A heading alone does not address a topic. A section whose text is only TODO, TBD, FIXME, "to be defined", "[insert …]", lorem ipsum or an HTML comment counts as empty, and so does a pseudo-heading (a paragraph that is only bold text) followed only by such text; so does a section a fix inserted, until its TODO is replaced. Write what the organisation actually does there (the hover on the clause id says what each element asks for). The empty sections of a control are one finding ("9.4.2 Secure log-on procedures: 2 elements have no text yet — Failed log-on attempts, Log-on banner"), placed on the first of them, with each empty section as related information; so inserting all the missing sections of a control turns its one missing-element finding into one empty-element finding, never more. When the element is addressed elsewhere in the document (under another heading, or in prose), its empty section is not reported. A suppression comment silences the sections it covers: `<!-- clausewise-disable-next-line empty-element -->` above a heading leaves that section out of its control\'s finding, and the control\'s other empty sections are still reported.',
  check({ document, summary, catalog, config, report }) {
    for (const { control } of claimedControls(summary, catalog)) {
      const empty = matchElements(document, elementsFor(control, config), config.elementMatch).flatMap((match) => {
        if (match.state !== 'empty') return [];
        // A suppression comment before a section silences that section, not the control's other ones.
        const sections = match.sections.filter((section) => !isSuppressed(document.suppressions, RULE_ID, lineOf(document, section))).sort(byPosition);
        return sections.length ? [{ element: match.element, sections }] : [];
      });
      if (empty.length === 0) continue;
      // The author's next place to write: the first empty section in the document comes first.
      empty.sort((a, b) => byPosition(a.sections[0]!, b.sections[0]!));
      const elements = empty.map(({ element }) => element);
      report({
        ...controlElementsFinding(control, `${elements.length} ${elements.length === 1 ? 'element has' : 'elements have'} no text yet`, elements),
        range: empty[0]!.sections[0]!.titleRange,
        related: empty.flatMap(({ element, sections }) => sections.map((section) => ({ message: placeholderOnly(section, element), range: section.titleRange }))).sort((a, b) => a.range.start - b.range.start),
      });
    }
  },
};

function lineOf(document: PolicyDocument, section: Section): number {
  return positionAt(document.lineStarts, section.titleRange.start).line;
}

function byPosition(a: Section, b: Section): number {
  return a.titleRange.start - b.titleRange.start;
}

/** What one empty section lacks: "“Log-on banner” holds only placeholder text; write what the organisation does there." */
function placeholderOnly(section: Section, element: Element): string {
  const named = section.title.trim().toLowerCase() === element.title.toLowerCase() ? `"${section.title.trim()}"` : `"${section.title.trim()}" (${element.title})`;
  return `${named} holds only placeholder text; write what the organisation does there.`;
}
