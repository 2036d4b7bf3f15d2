import { describe, expect, it } from 'vitest';
import { builtInCatalogPath } from '../../../server/src/catalog/builtIn';
import { loadCatalog } from '../../../server/src/catalog/load';
import { defaultConfig } from '../../../server/src/config/load';
import { PolicySet } from '../../../server/src/engine/policySet';
import { computeCoverage } from '../../../server/src/model/coverage';
import { exclusionRegister } from '../../../server/src/model/exclusionRegister';
import { policyText } from '../../helpers/tempWorkspace';

const catalog2022 = loadCatalog(builtInCatalogPath('iso27002-2022'));
const catalog2016 = loadCatalog(builtInCatalogPath('iso27799-2016'));
const today = '2026-12-01';
const reason = 'The clinic has no delivery or loading area of its own at all.';

/** A policy set of documents each excluding the entries given ("11.1.6", or "11.1.6 until 2026-01-31", or "11.1.6 N/A" for a short justification). */
function register(catalog: typeof catalog2022, documents: Record<string, string[]>) {
  const set = new PolicySet(defaultConfig('/ws'), catalog);
  for (const [path, entries] of Object.entries(documents)) {
    const excludes = entries.map((entry) => {
      const [id, word, value] = entry.split(' ');
      return `  - clause: ${id}\n    justification: ${word === 'N/A' ? 'N/A' : reason}\n${word === 'until' ? `    until: ${value}\n` : ''}`;
    });
    set.add(`/ws/${path}`, policyText(path.replace('.md', '').toUpperCase(), `excludes:\n${excludes.join('')}`));
  }
  const coverage = computeCoverage(set.index, catalog, set.config, today);
  const entries = exclusionRegister(set.index.policies(), catalog, set.config, today);
  return { coverage, entries, verdicts: entries.map((entry) => [entry.written, entry.valid, entry.effect]) };
}

describe('the exclusion register (one verdict per excludes entry, for the HTML report, the editor and the code lens)', () => {
  it('under ISO/IEC 27002:2022 calls an exclusion of one of two 2013 predecessors partial, as coverage keeps the control in scope', () => {
    const { coverage, entries, verdicts } = register(catalog2022, { 'a.md': ['11.1.6'] });
    expect(verdicts).toEqual([['11.1.6', false, '11.1.6 (2013) — partial: 7.2 stays in scope until 11.1.2 is also excluded']]);
    expect(entries[0]!.problems).toEqual([]);
    expect(entries[0]!.leaves.map((left) => [left.control.id, left.kind, left.ids])).toEqual([['7.2', 'missing', ['11.1.2']]]);
    // Coverage says why, in the register's words.
    expect(coverage.controls.find((control) => control.id === '7.2')).toMatchObject({ state: 'gap', exclusions: [], reasons: ['the exclusion of 11.1.6 in A is partial: 7.2 stays in scope until 11.1.2 is also excluded'] });
  });

  it('takes the control out of scope when every predecessor is excluded in the document, each entry saying with which', () => {
    const { coverage, verdicts } = register(catalog2022, { 'a.md': ['11.1.2', '11.1.6'] });
    expect(verdicts).toEqual([
      ['11.1.2', true, '11.1.2 (2013) — excludes 7.2 with 11.1.6'],
      ['11.1.6', true, '11.1.6 (2013) — excludes 7.2 with 11.1.2'],
    ]);
    expect(coverage.controls.find((control) => control.id === '7.2')).toMatchObject({ state: 'excluded' });
  });

  it('predecessors excluded in two different documents do not add up: each document is read on its own, as coverage reads it', () => {
    const { coverage, verdicts } = register(catalog2022, { 'a.md': ['11.1.2'], 'b.md': ['11.1.6'] });
    expect(verdicts.map(([, valid]) => valid)).toEqual([false, false]);
    expect(coverage.controls.find((control) => control.id === '7.2')).toMatchObject({
      state: 'gap',
      reasons: ['the exclusion of 11.1.2 in A is partial: 7.2 stays in scope until 11.1.6 is also excluded', 'the exclusion of 11.1.6 in B is partial: 7.2 stays in scope until 11.1.2 is also excluded'],
    });
  });

  it('leaves the control in scope when another part is not valid, in the register and in coverage alike', () => {
    const { coverage, verdicts } = register(catalog2022, { 'a.md': ['11.1.2', '11.1.6 N/A'] });
    expect(verdicts).toEqual([
      ['11.1.2', false, '11.1.2 (2013) — partial: 7.2 stays in scope until the exclusion of 11.1.6 is valid too'],
      ['11.1.6', false, '11.1.6 (2013) — not valid: 7.2 stays in scope'],
    ]);
    const dock = coverage.controls.find((control) => control.id === '7.2')!;
    expect(dock.state).toBe('gap');
    expect(dock.reasons).toEqual(['exclusion in A is not valid: 11.1.6: justification too short']);
  });

  it('lists an unknown id as having no effect, an expired one first, and a 2022 id as excluding itself', () => {
    const { entries, verdicts } = register(catalog2022, { 'a.md': ['7.5', '6.1.9', '7.4 until 2026-01-31'] });
    expect(verdicts).toEqual([
      ['7.4', false, 'expired on 2026-01-31: 7.4 is back in scope'],
      ['6.1.9', false, 'unknown control, no effect'],
      ['7.5', true, 'excludes 7.5'],
    ]);
    expect(entries[1]!.problems).toEqual(['6.1.9 is not a control of ISO/IEC 27002:2022']);
  });

  it('reads a 2013 id that became one 2022 control alone as that control', () => {
    const single = catalog2022.controls.find((control) => control.maps.iso27002_2013?.length === 1 && !control.essential)!;
    const [earlier] = single.maps.iso27002_2013!;
    const { coverage, verdicts } = register(catalog2022, { 'a.md': [earlier!] });
    expect(verdicts).toEqual([[earlier, true, `${earlier} (2013) — excludes ${single.id}`]]);
    expect(coverage.controls.find((control) => control.id === single.id)!.state).toBe('excluded');
  });

  it('judges a 2013 id that became two controls against each: excluded where every part holds, not valid for an essential one', () => {
    // 18.2.3 became 5.36 (with 18.2.2) and 8.8 (with 12.6.1, essential).
    const { coverage, entries, verdicts } = register(catalog2022, { 'a.md': ['18.2.2', '18.2.3', '12.6.1'] });
    const split = entries.find((entry) => entry.written === '18.2.3')!;
    expect(split.effect).toBe('18.2.3 (2013) — excludes 5.36 with 18.2.2; not valid for 8.8: essential controls cannot be excluded');
    expect(split).toMatchObject({ valid: false, problems: ['essential controls cannot be excluded'] });
    expect(split.excludes.map((control) => control.id)).toEqual(['5.36']);
    expect(verdicts.find(([written]) => written === '18.2.2')).toEqual(['18.2.2', true, '18.2.2 (2013) — excludes 5.36 with 18.2.3']);
    const state = (id: string) => coverage.controls.find((control) => control.id === id)!.state;
    expect([state('5.36'), state('8.8')]).toEqual(['excluded', 'gap']);
  });

  it('a partial exclusion that is not valid either says both', () => {
    const { entries } = register(catalog2022, { 'a.md': ['11.1.6 N/A'] });
    expect(entries[0]).toMatchObject({ valid: false, problems: ['justification too short'], effect: '11.1.6 (2013) — partial: 7.2 stays in scope until 11.1.2 is also excluded' });
  });

  it('under ISO 27799:2016 an exclusion excludes its own control, and 2022 ids are unknown', () => {
    const { verdicts } = register(catalog2016, { 'a.md': ['11.1.6', '7.2'] });
    expect(verdicts).toEqual([
      ['7.2', false, 'unknown control, no effect'],
      ['11.1.6', true, 'excludes 11.1.6'],
    ]);
  });
});
