import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../server/src/catalog/load';

const catalog = loadCatalog();
const ids = (clauses: { id: string }[]) => clauses.map((clause) => clause.id);

describe('looking up clauses', () => {
  it.each(['9.4.2', 'A.9.4.2', 'ISO 27799 9.4.2', 'ISO 27799:2016 §9.4.2', '27799 9.4.2', '§9.4.2', '§ 9.4.2', ' 09.04.02 '])(
    'finds 9.4.2 written as %j',
    (text) => {
      expect(catalog.control(text)?.title).toBe('Secure log-on procedures');
    },
  );

  it('finds objectives and categories but does not return them as controls', () => {
    expect(catalog.lookup('9.4')).toMatchObject({ kind: 'objective', title: 'System and application access control' });
    expect(catalog.lookup('§9')).toMatchObject({ kind: 'category', title: 'Access control' });
    expect(catalog.control('9.4')).toBeUndefined();
  });

  it('does not read versions or words as ids', () => {
    for (const text of ['9.4.2.1.7', 'v9.4.2', 'nine', '', '9.4.2x', '1.0.0-beta']) expect(catalog.lookup(text), text).toBeUndefined();
  });

  it('gives the parent objective and category of a control', () => {
    const control = catalog.control('12.4.1')!;
    expect(catalog.objectiveOf(control).id).toBe('12.4');
    expect(catalog.categoryOf(control).title).toBe('Operations security');
    expect(ids(catalog.path(control))).toEqual(['12', '12.4', '12.4.1']);
  });

  it('lists every control under a category or an objective', () => {
    expect(ids(catalog.controlsUnder('9.4'))).toEqual(['9.4.1', '9.4.2', '9.4.3', '9.4.4', '9.4.5']);
    expect(catalog.controlsUnder('18')).toHaveLength(8);
    expect(ids(catalog.controlsUnder('5.1.2'))).toEqual(['5.1.2']);
    expect(catalog.controlsUnder('99')).toEqual([]);
  });
});

describe('suggesting clauses for a typo', () => {
  it('suggests the controls of the same objective for 9.4.7, nearest number first', () => {
    const suggestions = ids(catalog.nearest('9.4.7'));
    expect(suggestions[0]).toBe('9.4.5');
    expect(suggestions.every((id) => id.startsWith('9.4.'))).toBe(true);
  });

  it('suggests 12.4.x for 12.4.5', () => {
    expect(ids(catalog.nearest('12.4.5', 4)).sort()).toEqual(['12.4.1', '12.4.2', '12.4.3', '12.4.4']);
  });

  it('puts a control with the same digits first (9.42, 942 typed without dots)', () => {
    expect(ids(catalog.nearest('9.42'))[0]).toBe('9.4.2');
    expect(ids(catalog.nearest('12.3.2'))[0]).toBe('12.3.1');
  });

  it('suggests objectives for an unknown objective id', () => {
    expect(catalog.nearest('9.5').every((clause) => clause.kind === 'objective')).toBe(true);
  });

  it('finds controls by title words', () => {
    expect(ids(catalog.nearest('password management'))[0]).toBe('9.4.3');
    expect(ids(catalog.nearest('backup'))).toContain('12.3.1');
    expect(catalog.nearest('zzzz qqqq')).toEqual([]);
  });
});
