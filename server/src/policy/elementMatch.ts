import type { Element } from '../catalog/types';
import type { ElementMatchMode } from '../config/types';
import { headingKey, looseHeadingKey } from '../document/normalize';
import type { PolicyDocument, Section } from '../document/types';
import { BlockIndex, type ProseEvidence } from './blockIndex';
import { evidencePatterns } from './evidence';

/**
 * How a document addresses an element: under a matching heading or lead-in with real text
 * (`heading`), in a block of prose that carries its evidence (`prose`), only under a heading
 * holding placeholders (`empty`), or not at all (`missing`).
 */
export type ElementState = 'heading' | 'prose' | 'empty' | 'missing';

export interface ElementMatch {
  element: Element;
  state: ElementState;
  /** The headings, pseudo-headings and lead-ins whose title matches the element (with text or without). */
  sections: Section[];
  /** Where the evidence was found, when the state is `prose`. */
  evidence?: ProseEvidence;
}

const nameKeys = new WeakMap<Element, { exact: Set<string>; loose: Set<string> }>();

/** The comparison keys of an element's title and aliases, computed once per element. */
function keysOf(element: Element): { exact: Set<string>; loose: Set<string> } {
  let keys = nameKeys.get(element);
  if (!keys) {
    const names = [element.title, ...element.aliases];
    nameKeys.set(element, (keys = { exact: new Set(names.map(headingKey)), loose: new Set(names.map(looseHeadingKey).filter(Boolean)) }));
  }
  return keys;
}

const matchesByDocument = new WeakMap<PolicyDocument, WeakMap<Element[], Partial<Record<ElementMatchMode, ElementMatch[]>>>>();

/**
 * Where each element is addressed, strongest signal first: a heading, pseudo-heading or lead-in
 * matching its title or an alias with real text under it; else (in `prose` mode) its evidence in
 * one block of text. The summary, the rules and the hover ask this of one parse: it is answered once.
 */
export function matchElements(document: PolicyDocument, elements: Element[], mode: ElementMatchMode): ElementMatch[] {
  let byElements = matchesByDocument.get(document);
  if (!byElements) matchesByDocument.set(document, (byElements = new WeakMap()));
  let byMode = byElements.get(elements);
  if (!byMode) byElements.set(elements, (byMode = {}));
  return (byMode[mode] ??= elements.map((element) => matchElement(document, element, mode)));
}

function matchElement(document: PolicyDocument, element: Element, mode: ElementMatchMode): ElementMatch {
  const { exact, loose } = keysOf(element);
  // Exact matches first: they make the better explanation ("Password requirements" before "Password Policy").
  const sections = [...document.sections.filter((section) => exact.has(section.key)), ...document.sections.filter((section) => !exact.has(section.key) && loose.has(section.looseKey))];
  if (sections.some((section) => !section.empty)) return { element, state: 'heading', sections };
  if (mode === 'prose') {
    for (const pattern of evidencePatterns(element)) {
      const evidence = BlockIndex.of(document).find(pattern);
      if (evidence) return { element, state: 'prose', sections, evidence };
    }
  }
  return { element, state: sections.length > 0 ? 'empty' : 'missing', sections };
}
