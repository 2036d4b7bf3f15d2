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
const nameKeys = new WeakMap<Element, string[]>();

/** The comparison keys of an element's title and aliases, computed once per element. */
function keysOf(element: Element): string[] {
  let keys = nameKeys.get(element);
  if (!keys) nameKeys.set(element, (keys = [...new Set([element.title, ...element.aliases].map(headingKey))]));
  return keys;
}

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
  // The summary, missing-element and empty-element all ask the same question of one parse: answer once.
  let byElements = matchesByDocument.get(document);
  if (!byElements) matchesByDocument.set(document, (byElements = new WeakMap()));
  let matches = byElements.get(elements);
  if (!matches) byElements.set(elements, (matches = computeMatches(document, elements)));
  return matches;
}

const matchesByDocument = new WeakMap<PolicyDocument, WeakMap<Element[], ElementMatch[]>>();

function computeMatches(document: PolicyDocument, elements: Element[]): ElementMatch[] {
  const keyed = keyedSections(document);
  return elements.map((element) => {
    const sections = keysOf(element).flatMap((key) => keyed.get(key) ?? []);
    const state: ElementState = sections.length === 0 ? 'missing' : sections.some((section) => !section.empty) ? 'present' : 'empty';
    return { element, state, sections };
  });
}
