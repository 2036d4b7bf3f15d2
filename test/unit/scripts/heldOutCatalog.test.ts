import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../server/src/catalog/load';
import { catalogWithout, tuning } from '../../../scripts/eval-labels';

// The catalog eval:elements --loso and eval:blind score: one removal of a set's tuning terms, with
// eval:blind's terms added and spared in the same pass (eval:blind no longer rewrites the catalog's YAML).
const [set] = Object.keys(tuning) as [string];
const [key, change] = Object.entries(tuning[set]!).find(([, each]) => each.terms.length > 1)!;
const [controlId, elementId] = key.split('/') as [string, string];
const evidence = (catalog = loadCatalog()) => catalog.control(controlId)!.elements.find((element) => element.id === elementId)!.evidence;
const terms = (groups: string[][]) => groups.flat();

describe("a catalog with a set's tuning held out", () => {
  it("loses the terms that set's tuning added and keeps the rest", () => {
    const shipped = terms(evidence());
    const heldOut = terms(evidence(catalogWithout(set)));
    expect(shipped).toEqual(expect.arrayContaining(change.terms));
    for (const term of change.terms) expect(heldOut).not.toContain(term);
    expect(heldOut.length).toBeGreaterThan(0);
  });

  it('keeps the held-out terms eval:blind spares, and adds its terms to their group once', () => {
    const spared = change.terms[0]!;
    const first = evidence()[0]!;
    const catalog = catalogWithout(set, undefined, { spare: (_, term) => term === spared, add: (each) => (each === key ? [[first[0]!, 'blindly written term']] : []) });
    const groups = evidence(catalog);
    expect(terms(groups)).toContain(spared);
    for (const term of change.terms.slice(1)) expect(terms(groups)).not.toContain(term);
    expect(groups[0]).toContain('blindly written term');
    expect(groups[0]!.filter((term) => term === first[0])).toHaveLength(1);
  });

  it('is the shipped catalog when no set is held out and nothing is added', () => {
    expect(evidence(catalogWithout(undefined))).toEqual(evidence());
  });
});
