import { headingKey, looseHeadingKey } from '../document/normalize';
import type { Catalog } from './catalog';

/** A heading that would count for elements of two or more controls: one comparison key and every name behind it. */
export interface SharedHeading {
  /** The key the matcher compares (the tolerant key, or the exact one where only that collides). */
  key: string;
  /** The controls whose elements it would satisfy. */
  controls: string[];
  /** "9.4.5/source-code-repositories: Version control" for each title or alias with this key. */
  names: string[];
}

/**
 * The titles and aliases that belong to elements of more than one control, compared as the element
 * matcher compares a document's headings with them (exact key or tolerant key, see
 * looseHeadingKey): a section under such a heading is taken as addressing every one of them.
 */
export function sharedHeadings(catalog: Catalog): SharedHeading[] {
  const byKey = new Map<string, { controls: Set<string>; names: string[] }>();
  for (const control of catalog.controls) {
    for (const element of control.elements) {
      for (const name of [element.title, ...element.aliases]) {
        for (const key of new Set([`loose:${looseHeadingKey(name)}`, `exact:${headingKey(name)}`])) {
          let entry = byKey.get(key);
          if (!entry) byKey.set(key, (entry = { controls: new Set(), names: [] }));
          entry.controls.add(control.id);
          entry.names.push(`${control.id}/${element.id}: ${name}`);
        }
      }
    }
  }
  const shared = [...byKey].filter(([, entry]) => entry.controls.size > 1);
  const loose = shared.filter(([key]) => key.startsWith('loose:')).map(([key, entry]) => ({ key, controls: entry.controls, names: new Set(entry.names) }));
  // An exact key adds nothing when its names already share a tolerant key ("Destruction certificates").
  const exact = shared
    .filter(([key]) => key.startsWith('exact:'))
    .map(([key, entry]) => ({ key, controls: entry.controls, names: new Set(entry.names) }))
    .filter((entry) => !loose.some((group) => [...entry.names].every((name) => group.names.has(name))));
  const result = [...loose, ...exact].map(({ key, controls, names }) => ({ key: key.slice(key.indexOf(':') + 1), controls: [...controls], names: [...names] }));
  return result;
}
