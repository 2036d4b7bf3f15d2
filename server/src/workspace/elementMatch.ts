import type { Element } from '../catalog/types';
import { headingKey } from '../document/normalize';
import type { PolicyDocument, Section } from '../document/types';

export type ElementState = 'present' | 'empty' | 'missing';

export interface ElementMatch {
  element: Element;
  state: ElementState;
  /** The sections that address the element (headings or bold lead-ins). */
  sections: Section[];
}

const sectionsByKey = new WeakMap<PolicyDocument, Map<string, Section[]>>();

function keyedSections(document: PolicyDocument): Map<string, Section[]> {
  let keyed = sectionsByKey.get(document);
  if (!keyed) {
    keyed = new Map();
    for (const section of document.sections) {
      if (!section.key) continue;
      const list = keyed.get(section.key);
      if (list) list.push(section);
      else keyed.set(section.key, [section]);
    }
    sectionsByKey.set(document, keyed);
  }
  return keyed;
}

/**
 * Where each element is addressed: a heading or bold lead-in matching its title or an alias.
 * An element is present when at least one matching section carries real text.
 */
export function matchElements(document: PolicyDocument, elements: Element[]): ElementMatch[] {
  const keyed = keyedSections(document);
  return elements.map((element) => {
    const sections = [element.title, ...element.aliases].flatMap((name) => keyed.get(headingKey(name)) ?? []);
    const state: ElementState = sections.length === 0 ? 'missing' : sections.some((section) => !section.empty) ? 'present' : 'empty';
    return { element, state, sections };
  });
}
