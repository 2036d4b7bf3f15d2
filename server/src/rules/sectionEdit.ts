import type { Control, Element } from '../catalog/types';
import { positionAt } from '../document/lines';
import { headingKey } from '../document/normalize';
import type { PolicyDocument, Section } from '../document/types';
import type { TextEdit } from '../findings/types';
import { appendToDocument, eol, insertAt } from './edits';

/** The text a fix inserts for a missing element: a heading and the element's prompt, marked TODO. */
function sectionSkeleton(element: Element, depth: number): string {
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
