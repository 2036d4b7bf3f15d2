import type { Control, Element } from '../catalog/types';
import { elementsFor } from '../config/elements';
import type { ElementMatchMode } from '../config/types';
import { positionAt } from '../document/lines';
import { headingKey } from '../document/normalize';
import type { PolicyDocument, Section } from '../document/types';
import type { TextEdit } from '../findings/types';
import { matchElements } from '../policy/elementMatch';
import { appendToDocument, eol, fix, insertAt } from './edits';
import { claimedControls } from './claimedControls';
import type { Rule } from './types';

/** The text a fix inserts for a missing element: a heading and the element's prompt, marked TODO. */
export function sectionSkeleton(element: Element, depth: number): string {
  return `${'#'.repeat(depth)} ${element.title}\n\nTODO: ${element.prompt}\n`;
}

const homePatterns = new WeakMap<Control, { titleKey: string; idPattern: RegExp }>();

/** The section about a control: a heading naming its id or its title, if the document has one. */
export function controlHome(document: PolicyDocument, control: Control): Section | null {
  let home = homePatterns.get(control);
  if (!home) homePatterns.set(control, (home = { titleKey: headingKey(control.title), idPattern: new RegExp(`(^|[^\\d.])${control.id.replace(/\./g, '\\.')}(?![.\\d])`) }));
  const { titleKey, idPattern } = home;
  return document.sections.find((section) => section.kind === 'heading' && (section.key === titleKey || idPattern.test(section.title))) ?? null;
}

/**
 * Where a missing element's section goes: at the end of the section about its control when the
 * document has one, otherwise at the end of the document.
 */
export function insertSectionEdit(document: PolicyDocument, control: Control, element: Element, home = controlHome(document, control)): TextEdit | undefined {
  return insertSectionsEdit(document, control, [element], home);
}

/** One edit inserting the sections of several missing elements of a control, in order, where insertSectionEdit puts one (none where appending is not safe). */
export function insertSectionsEdit(document: PolicyDocument, control: Control, elements: Element[], home = controlHome(document, control)): TextEdit | undefined {
  const skeletons = (depth: number) => elements.map((element) => sectionSkeleton(element, depth)).join('\n');
  if (!home) return appendToDocument(document, skeletons(2));
  const depth = Math.min(home.depth + 1, 6);
  if (home.bodyRange.end >= document.text.length) return appendToDocument(document, skeletons(depth));
  const newline = eol(document);
  // At the start of the line of the heading that ends the section: that heading can sit in a quote
  // or list item (`> ## Next`), and text inserted after its marker would move into the quote.
  const at = document.lineStarts[positionAt(document.lineStarts, home.bodyRange.end).line]!;
  const before = document.text.slice(0, at);
  const lead = before.endsWith(newline + newline) ? '' : before.endsWith(newline) ? newline : newline + newline;
  return insertAt(at, `${lead}${skeletons(depth).replace(/\n/g, newline)}${newline}`);
}

/** Why a missing section has no fix: the document ends inside a block never closed, where it would land. */
function unclosedNote(document: PolicyDocument): string {
  const block = document.unclosed;
  if (!block) return '';
  return ` (No fix: the document ends inside the ${block.kind} opened on line ${positionAt(document.lineStarts, block.range.start).line + 1}, never closed; close it and a section can be added after it.)`;
}

/** The element's evidence in a few words, one per group: "“review” with “access” and a frequency". */
function lookedFor(element: Element): string {
  const name = (group: string[]) => {
    const typed = group.find((term) => term.startsWith('$'));
    const plain = group.find((term) => !term.startsWith('$') && !term.endsWith('*')) ?? group.find((term) => !term.startsWith('$'));
    if (!plain) return `a ${typed!.slice(1)}`;
    return `“${plain.replace(/\*$/, '…')}”`;
  };
  const names = element.evidence.map(name);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} with ${names.at(-1)}`;
}

/** What was not found and where Clausewise looked, as the mode decides. */
function notFound(element: Element, mode: ElementMatchMode): string {
  if (mode === 'headings') {
    const aliases = element.aliases.length ? ` (or ${element.aliases.slice(0, 3).map((alias) => `"${alias}"`).join(', ')})` : '';
    return `no section on "${element.title}"; add a heading or bold lead-in "${element.title}"${aliases}.`;
  }
  const sought = lookedFor(element);
  return `"${element.title}" is not addressed, under a heading or in the text${sought ? ` (looked for ${sought} in one paragraph, list item or table row)` : ''}.`;
}

export const missingElement: Rule = {
  id: 'missing-element',
  description: 'A claimed control’s baseline element is not addressed anywhere in the document',
  severity: 'error',
  fixable: true,
  workspace: false,
  rationale:
    'For each control a document claims, Clausewise expects its baseline elements (see `clausewise explain <id>`; the config can add, replace or waive them). An element is found, strongest signal first, (1) under a heading, a pseudo-heading (a paragraph that is only bold text) or a lead-in (a bold opening, a list item\'s short label before a colon, a table row\'s first cell) matching its title or an alias, with real text under it — case, punctuation, numbering, plurals, "&"/"and", a trailing "policy" or "procedure" and the order of two words are ignored, so `### 7.3 Session Time-outs` matches; or (2) by its evidence: the element\'s concept groups (words, and typed concepts such as a frequency, a duration or a role) found together in one paragraph, list item, table row or short section, for example "access is reviewed quarterly by the system owner". This rule reports only elements found neither way; with `elements: { match: headings }` in `.clausewise.yaml`, only (1) counts. The fix inserts a heading with a TODO prompt under the section about the control, or at the end of the document; it never removes text. When the document ends inside a code fence or an HTML comment that is never closed, there is no fix: the section would land inside it; close the block first.',
  check({ document, summary, catalog, config, report }) {
    for (const { control, claim } of claimedControls(summary, catalog)) {
      let home: Section | null | undefined;
      for (const match of matchElements(document, elementsFor(control, config), config.elementMatch)) {
        if (match.state !== 'missing') continue;
        if (home === undefined) home = controlHome(document, control);
        const { element } = match;
        const edit = insertSectionEdit(document, control, element, home);
        report({
          message: `${control.id} ${control.title}: ${notFound(element, config.elementMatch)} Hint: ${element.prompt}${edit ? '' : unclosedNote(document)}`,
          range: claim.range,
          clause: control.id,
          element: element.id,
          fixes: edit ? [fix(`Insert section "${element.title}" for ${control.id}`, [edit])] : [],
        });
      }
    }
  },
};
