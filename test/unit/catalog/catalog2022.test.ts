import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { render2022Catalog } from '../../../scripts/catalog2022';
import { builtInCatalogPath } from '../../../server/src/catalog/builtIn';
import { loadCatalog } from '../../../server/src/catalog/load';
import { readReference } from '../../helpers/paths';

interface Reference { controls: { id: string; title: string; theme: string; theme_title: string; new_in_2022: boolean; from_2013: string[] }[] }

const reference = readReference<Reference>('iso27002-2022-controls.json');
const catalog = loadCatalog(builtInCatalogPath('iso27002-2022'));
const catalog2016 = loadCatalog(builtInCatalogPath('iso27799-2016'));

describe('the ISO/IEC 27002:2022 catalog', () => {
  it('has the 93 controls of the reference, with their exact ids, titles and themes, in order', () => {
    expect(catalog.controls.map((control) => [control.id, control.title, control.categoryId])).toEqual(reference.controls.map((control) => [control.id, control.title, control.theme]));
    expect(catalog.categories.map((category) => [category.id, category.title])).toEqual([...new Map(reference.controls.map((control) => [control.theme, control.theme_title]))]);
  });

  it('is the file npm run generate writes from its source and the 2016 catalog (run it after changing either)', () => {
    expect(readFileSync(builtInCatalogPath('iso27002-2022'), 'utf8')).toBe(render2022Catalog());
  });

  it('gives every control 2–5 elements, each with evidence, unique within the control', () => {
    for (const control of catalog.controls) {
      expect(control.elements.length, control.id).toBeGreaterThanOrEqual(2);
      expect(control.elements.length, control.id).toBeLessThanOrEqual(5);
      expect(new Set(control.elements.map((element) => element.id)).size, control.id).toBe(control.elements.length);
      for (const element of control.elements) expect(element.evidence.length, `${control.id}/${element.id}`).toBeGreaterThan(0);
    }
  });

  it('has a summary for every control, health notes for at least 60, and a reason for each essential control', () => {
    for (const control of catalog.controls) expect(control.summary, control.id).not.toBe('');
    expect(catalog.controls.filter((control) => control.health).length).toBeGreaterThanOrEqual(60);
    for (const control of catalog.controls.filter((control) => control.essential)) expect(control.reason, control.id).toBeTruthy();
  });

  it('maps each control back to its 2013 predecessors as the reference and the 2016 catalog say, both ways', () => {
    for (const control of catalog.controls) {
      const fromReference = reference.controls.find((entry) => entry.id === control.id)!.from_2013;
      const from2016 = catalog2016.controls.filter((old) => old.maps.iso27002_2022?.includes(control.id)).map((old) => old.id);
      expect(control.maps.iso27002_2013 ?? [], control.id).toEqual(fromReference);
      expect(control.maps.iso27002_2013 ?? [], control.id).toEqual(from2016);
    }
    for (const old of catalog2016.controls) {
      for (const id of old.maps.iso27002_2022 ?? []) expect(catalog.control(id)?.maps.iso27002_2013, `${old.id} → ${id}`).toContain(old.id);
    }
  });

  it('builds elements from the 2013 predecessors where there are some, and writes its own for the 11 new controls', () => {
    const fresh = catalog.controls.filter((control) => !control.maps.iso27002_2013);
    expect(fresh.map((control) => control.id)).toEqual(reference.controls.filter((control) => control.new_in_2022).map((control) => control.id));
    // Where an element comes from: a predecessor, a 2016 control whose topic 2022 moved here, or our own words.
    const from2016 = new Map<string, string[]>();
    for (const control of catalog2016.controls) for (const element of control.elements) from2016.set(element.id, [...(from2016.get(element.id) ?? []), control.id]);
    const moved = new Map([['secure-coding-standards', '8.28'], ['code-review', '8.28']]);
    for (const control of catalog.controls) {
      const predecessors = new Set(control.maps.iso27002_2013 ?? []);
      for (const element of control.elements) {
        const origins = from2016.get(element.id);
        if (origins) expect(origins.some((origin) => predecessors.has(origin)) || moved.get(element.id) === control.id, `${control.id}/${element.id} comes from ${origins}`).toBe(true);
      }
      if (predecessors.size > 0) expect(control.elements.some((element) => from2016.has(element.id)), control.id).toBe(true);
    }
  });

  // Titles are unique per element, so this also shows that no element was put in two controls.
  it('lets no two controls share an element title or alias, so one section never counts for both', () => {
    const owner = new Map<string, string>();
    const shared: string[] = [];
    for (const control of catalog.controls) {
      for (const name of new Set(control.elements.flatMap((element) => [element.title, ...element.aliases].map((text) => text.toLowerCase())))) {
        const first = owner.get(name);
        if (first !== undefined && first !== control.id) shared.push(`${name}: ${first} and ${control.id}`);
        owner.set(name, control.id);
      }
    }
    expect(shared).toEqual([]);
  });

  it('carries the curated HIPAA links of the predecessors over, and no others', () => {
    for (const control of catalog.controls) {
      const carried = new Set((control.maps.iso27002_2013 ?? []).flatMap((id) => catalog2016.control(id)!.maps.hipaa ?? []));
      expect(new Set(control.maps.hipaa ?? []), control.id).toEqual(carried);
    }
    expect(catalog.control('5.15')!.maps.hipaa).toContain('164.312(a)(2)(ii)');
  });

  it('finds the 2022 controls by the earlier ids they correspond to', () => {
    expect(catalog.successors('9.1.1').map((control) => control.id)).toEqual(['5.15']);
    expect(catalog.successors('18.2.3').map((control) => control.id)).toEqual(['5.36', '8.8']);
    expect(catalog2016.successors('9.1.1')).toEqual([]);
  });

  it('names themes, not objectives: a theme id is a category and a control path skips the implicit objective', () => {
    expect(catalog.lookup('5')?.kind).toBe('category');
    expect(catalog.path(catalog.control('5.15')!).map((clause) => clause.id)).toEqual(['5', '5.15']);
    expect(catalog.controlsUnder('8')).toHaveLength(34);
    expect(catalog.nearest('5.15.1', 1).map((clause) => clause.id)).toEqual(['5.15']);
    expect(catalog.nearest('5.4', 2).map((clause) => [clause.id, clause.kind])[0]).toEqual(['5.4', 'control']);
  });
});
