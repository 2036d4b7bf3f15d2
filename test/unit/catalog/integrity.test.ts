import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledCatalogPath, loadCatalog } from '../../../server/src/catalog/load';
import type { Control } from '../../../server/src/catalog/types';
import { termProblem } from '../../../server/src/policy/evidence';
import { clauseTable, readReference } from '../../helpers/paths';

const catalog = loadCatalog();
const table = clauseTable();

interface Crosswalk { mappings: { from: string; to: string[] }[] }
interface HipaaRule { standards: { id: string; implementation_specifications: { id: string; flag: 'Required' | 'Addressable' }[] }[] }
interface HipaaCrosswalk {
  rows: { hipaa: string; iso27002_2022_primary: { support_links: number; corroborated_by_csf2_path: boolean; iso27002_2013: string[] }[] }[];
}

const rule = readReference<HipaaRule>('hipaa-security-rule.json');
/** Every item of the rule, standards and implementation specifications alike. */
const ruleItems = new Set(rule.standards.flatMap((standard) => [standard.id, ...standard.implementation_specifications.map((spec) => spec.id)]));
const hipaa = catalog.frameworks.hipaa!;
/** The derived layer: maps.hipaa as written in the catalog file, before review. */
const derivedHipaa = (control: Control) => control.mapReview.hipaa?.derived ?? control.maps.hipaa ?? [];

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

  it('carries a health note on at least 90 controls', () => {
    expect(catalog.controls.filter((control) => control.health).length).toBeGreaterThanOrEqual(90);
  });

  it('carries a health note on every essential control', () => {
    expect(catalog.controls.filter((control) => control.essential && !control.health?.trim()).map((control) => control.id)).toEqual([]);
  });

  it('marks exactly the essential controls, each with a reason', () => {
    const essential = catalog.controls.filter((control) => control.essential);
    expect(essential.map((control) => control.id)).toEqual([
      '5.1.1', '6.1.1', '7.2.2', '7.2.3', '8.2.1', '8.3.2', '9.1.1', '9.2.1', '9.2.2', '9.2.5', '9.2.6', '9.4.1', '10.1.1',
      '11.2.7', '12.2.1', '12.3.1', '12.4.1', '12.6.1', '15.1.2', '16.1.1', '16.1.2', '16.1.5', '17.1.1', '17.1.2', '18.1.1', '18.1.4',
    ]);
    for (const control of essential) expect(control.reason?.trim(), control.id).toBeTruthy();
    for (const control of catalog.controls.filter((c) => !c.essential)) expect(control.reason, control.id).toBeUndefined();
  });

  it('maps every control to exactly the ISO/IEC 27002:2022 ids of the Annex B correspondence', () => {
    const crosswalk = readReference<Crosswalk>('crosswalk-27002-2013-to-2022.json');
    expect(crosswalk.mappings).toHaveLength(114);
    for (const mapping of crosswalk.mappings) {
      expect(catalog.control(mapping.from)?.maps.iso27002_2022, mapping.from).toEqual(mapping.to);
    }
  });

  it('keeps the derived HIPAA layer exactly the strong links of the derived crosswalk', () => {
    const strong = new Map<string, Set<string>>();
    for (const row of readReference<HipaaCrosswalk>('hipaa-crosswalk.json').rows) {
      for (const target of row.iso27002_2022_primary) {
        if (!target.corroborated_by_csf2_path || target.support_links < 2) continue;
        for (const id of target.iso27002_2013) strong.set(id, (strong.get(id) ?? new Set()).add(row.hipaa));
      }
    }
    for (const control of catalog.controls) {
      expect(new Set(derivedHipaa(control)), control.id).toEqual(strong.get(control.id) ?? new Set());
    }
  });

  it('lists exactly the items of the HIPAA Security Rule, and cites only those', () => {
    expect(Object.keys(hipaa.items).sort()).toEqual([...ruleItems.keys()].sort());
    for (const control of catalog.controls) {
      for (const citation of control.maps.hipaa ?? []) expect(ruleItems.has(citation), `${control.id} cites ${citation}`).toBe(true);
    }
  });

  it('curates the HIPAA links: the derived links minus those removed plus those added, every change with a one-line reason', () => {
    expect(hipaa.reviewed?.trim()).toBeTruthy();
    let added = 0;
    let removed = 0;
    for (const control of catalog.controls) {
      const review = control.mapReview.hipaa ?? { derived: derivedHipaa(control), added: [], removed: [] };
      const gone = new Set(review.removed.map((link) => link.id));
      const expected = [...review.derived.filter((id) => !gone.has(id)), ...review.added.map((link) => link.id)];
      expect(new Set(control.maps.hipaa ?? []), control.id).toEqual(new Set(expected));
      for (const link of [...review.added, ...review.removed]) expect(link.reason, `${control.id} ${link.id}`).toMatch(/^[^\n]*\S[^\n]*$/);
      added += review.added.length;
      removed += review.removed.length;
      for (const link of catalog.mapLinks(control, 'hipaa')) expect(link.origin, `${control.id} ${link.id}`).toBe(review.added.some((a) => a.id === link.id) ? 'added' : 'confirmed');
    }
    // The review counts in the README and the commit history; change them together.
    expect({ added, removed }).toEqual({ added: 98, removed: 148 });
  });

  it('reaches every Required HIPAA implementation specification, and every standard without specifications, from at least one control', () => {
    const reached = new Set(catalog.controls.flatMap((control) => control.maps.hipaa ?? []));
    const required = rule.standards.flatMap((standard) =>
      standard.implementation_specifications.length === 0
        ? [standard.id]
        : standard.implementation_specifications.filter((spec) => spec.flag === 'Required').map((spec) => spec.id),
    );
    expect(required).toHaveLength(31);
    expect(required.filter((id) => !reached.has(id))).toEqual([]);
    // The curated layer leaves no HIPAA item at all without a control.
    expect([...ruleItems.keys()].filter((id) => !reached.has(id))).toEqual([]);
  });

  it('gives no element a title or alias that names a HIPAA item its control does not map', () => {
    const byName = new Map(Object.entries(hipaa.items).map(([id, title]) => [title.toLowerCase(), id]));
    const contradictions: string[] = [];
    for (const control of catalog.controls) {
      for (const element of control.elements) {
        for (const name of [element.title, ...element.aliases]) {
          const item = byName.get(name.toLowerCase());
          if (item && !(control.maps.hipaa ?? []).includes(item)) contradictions.push(`${control.id}/${element.id} "${name}" names ${item}`);
        }
      }
    }
    expect(contradictions).toEqual([]);
  });

  it('puts the HIPAA items of issue #16 where an auditor looks for them, and no longer where they do not belong', () => {
    const maps = (id: string) => catalog.control(id)!.maps.hipaa ?? [];
    const homes: [string, string[]][] = [
      ['164.308(a)(1)(ii)(C)', ['7.2.3']],
      ['164.308(a)(6)(ii)', ['16.1.1', '16.1.5']],
      ['164.308(b)(3)', ['15.1.2']],
      ['164.310(d)(2)(i)', ['8.3.2', '11.2.7']],
      ['164.310(d)(2)(ii)', ['8.3.2', '11.2.7']],
      ['164.312(a)(2)(ii)', ['9.1.1']],
      ['164.316(b)(2)(i)', ['18.1.3']],
      ['164.308(a)(1)(ii)(D)', ['12.4.1']],
      ['164.308(a)(7)(ii)(A)', ['12.3.1']],
      ['164.314(a)(2)(i)', ['15.1.2']],
      ['164.314(a)(2)(iii)', ['15.1.2']],
    ];
    for (const [item, controls] of homes) for (const id of controls) expect(maps(id), `${item} → ${id}`).toContain(item);
    expect(maps('18.1.5')).not.toContain('164.310(a)(1)');
    expect(maps('5.1.2')).not.toContain('164.312(b)');
    for (const id of ['6.1.1', '7.2.1']) for (const item of ['164.314(a)(2)(i)', '164.314(a)(2)(ii)', '164.314(a)(2)(iii)']) expect(maps(id), `${id} ${item}`).not.toContain(item);
    for (const id of ['14.1.2', '14.1.3']) expect(maps(id), id).not.toContain('164.308(a)(3)');
  });

  it("says in its header that elements are Clausewise's baseline and the HIPAA mapping is derived, then reviewed", () => {
    const header = readFileSync(bundledCatalogPath(), 'utf8').split('\n').filter((line) => line.startsWith('#')).join('\n');
    expect(header).toMatch(/CLAUSEWISE'S BASELINE/);
    expect(header).toMatch(/not the standard's text/);
    expect(header).toMatch(/DERIVED, not official/);
    expect(header).toMatch(/mapReview\.hipaa is the REVIEWED layer/);
  });
});
