import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledCatalogPath, loadCatalog } from '../../../server/src/catalog/load';
import { termProblem } from '../../../server/src/policy/evidence';
import { clauseTable, readReference } from '../../helpers/paths';

const catalog = loadCatalog();
const table = clauseTable();

interface Crosswalk { mappings: { from: string; to: string[] }[] }
interface HipaaRule { standards: { id: string; implementation_specifications: { id: string }[] }[] }
interface HipaaCrosswalk {
  rows: { hipaa: string; iso27002_2022_primary: { support_links: number; corroborated_by_csf2_path: boolean; iso27002_2013: string[] }[] }[];
}

describe('the ISO 27799:2016 catalog', () => {
  it('has 14 categories, 35 objectives and 114 controls', () => {
    expect(catalog.categories).toHaveLength(14);
    expect(catalog.objectives).toHaveLength(35);
    expect(catalog.controls).toHaveLength(114);
  });

  it('has exactly the clause numbers, kinds, titles and order of the reference table', () => {
    const fromCatalog = catalog.categories.flatMap((category) => [
      [category.id, 'category', category.title],
      ...category.objectives.flatMap((objective) => [
        [objective.id, 'objective', objective.title],
        ...objective.controls.map((control) => [control.id, 'control', control.title]),
      ]),
    ]);
    expect(fromCatalog).toEqual(table);
  });

  it('gives every control 2–5 elements with unique kebab-case ids and no empty text', () => {
    for (const control of catalog.controls) {
      expect(control.elements.length, control.id).toBeGreaterThanOrEqual(2);
      expect(control.elements.length, control.id).toBeLessThanOrEqual(5);
      const ids = control.elements.map((element) => element.id);
      expect(new Set(ids).size, control.id).toBe(ids.length);
      expect(control.summary.trim(), control.id).not.toBe('');
      for (const element of control.elements) {
        expect(element.id, control.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        for (const text of [element.title, element.prompt, ...element.aliases]) expect(text.trim(), `${control.id}/${element.id}`).not.toBe('');
      }
    }
  });

  it('gives every element evidence: one to five groups of valid terms, and no two elements of a control the same', () => {
    for (const control of catalog.controls) {
      const seen = new Set<string>();
      for (const element of control.elements) {
        const where = `${control.id}/${element.id}`;
        expect(element.evidence.length, where).toBeGreaterThanOrEqual(1);
        expect(element.evidence.length, where).toBeLessThanOrEqual(5);
        for (const term of element.evidence.flat()) expect(termProblem(term), `${where}: ${term}`).toBeUndefined();
        const signature = JSON.stringify(element.evidence);
        expect(seen.has(signature), where).toBe(false);
        seen.add(signature);
      }
    }
  });

  it('lets no alias stand for two elements of the same control', () => {
    for (const control of catalog.controls) {
      const names = control.elements.flatMap((element) => [element.title, ...element.aliases].map((name) => name.toLowerCase()));
      expect(new Set(names).size, control.id).toBe(names.length);
    }
  });

  it('carries a health note on at least 40 controls', () => {
    expect(catalog.controls.filter((control) => control.health).length).toBeGreaterThanOrEqual(40);
  });

  it('marks the essential controls with a reason', () => {
    const essential = catalog.controls.filter((control) => control.essential);
    expect(essential.map((control) => control.id)).toEqual(expect.arrayContaining(['5.1.1', '9.1.1', '12.3.1', '12.4.1', '16.1.1']));
    for (const control of essential) expect(control.reason?.trim(), control.id).toBeTruthy();
  });

  it('maps every control to exactly the ISO/IEC 27002:2022 ids of the Annex B correspondence', () => {
    const crosswalk = readReference<Crosswalk>('crosswalk-27002-2013-to-2022.json');
    expect(crosswalk.mappings).toHaveLength(114);
    for (const mapping of crosswalk.mappings) {
      expect(catalog.control(mapping.from)?.maps.iso27002_2022, mapping.from).toEqual(mapping.to);
    }
  });

  it('cites only HIPAA Security Rule items that exist, and exactly the strong links of the derived crosswalk', () => {
    const rule = readReference<HipaaRule>('hipaa-security-rule.json');
    const known = new Set(rule.standards.flatMap((standard) => [standard.id, ...standard.implementation_specifications.map((spec) => spec.id)]));
    const strong = new Map<string, Set<string>>();
    for (const row of readReference<HipaaCrosswalk>('hipaa-crosswalk.json').rows) {
      for (const target of row.iso27002_2022_primary) {
        if (!target.corroborated_by_csf2_path || target.support_links < 2) continue;
        for (const id of target.iso27002_2013) strong.set(id, (strong.get(id) ?? new Set()).add(row.hipaa));
      }
    }
    for (const control of catalog.controls) {
      const cited = control.maps.hipaa ?? [];
      for (const citation of cited) expect(known.has(citation), `${control.id} cites ${citation}`).toBe(true);
      expect(new Set(cited), control.id).toEqual(strong.get(control.id) ?? new Set());
    }
  });

  it("says in its header that elements are Clausewise's baseline and the HIPAA mapping is derived", () => {
    const header = readFileSync(bundledCatalogPath(), 'utf8').split('\n').filter((line) => line.startsWith('#')).join('\n');
    expect(header).toMatch(/CLAUSEWISE'S BASELINE/);
    expect(header).toMatch(/not the standard's text/);
    expect(header).toMatch(/DERIVED, not official/);
  });
});
