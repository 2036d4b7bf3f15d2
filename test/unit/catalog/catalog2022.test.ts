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

  it('gives the 11 controls new in 2022 elements of their own, and every other control elements of its predecessors', () => {
    const fresh = catalog.controls.filter((control) => !control.maps.iso27002_2013);
    expect(fresh.map((control) => control.id)).toEqual(reference.controls.filter((control) => control.new_in_2022).map((control) => control.id));
    const oldElementIds = new Set(catalog2016.controls.flatMap((control) => control.elements.map((element) => element.id)));
    for (const control of fresh) for (const element of control.elements) expect(oldElementIds.has(element.id), `${control.id}/${element.id}`).toBe(false);
    for (const control of catalog.controls.filter((candidate) => candidate.maps.iso27002_2013)) {
      const inherited = new Set(control.maps.iso27002_2013!.flatMap((id) => catalog2016.control(id)!.elements.map((element) => element.id)));
      for (const element of control.elements) expect(inherited.has(element.id), `${control.id}/${element.id}`).toBe(true);
    }
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
    expect(catalog.suggest('5.15.1', 1).map((clause) => clause.id)).toEqual(['5.15']);
    expect(catalog.suggest('5.4', 2).map((clause) => [clause.id, clause.kind])[0]).toEqual(['5.4', 'control']);
  });
});
