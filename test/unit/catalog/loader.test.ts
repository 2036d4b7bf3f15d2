import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog, parseCatalog } from '../../../server/src/catalog/load';
import { DataFileError } from '../../../server/src/yaml/problem';
import { fixturesDir } from '../../helpers/paths';

const small = readFileSync(join(fixturesDir, 'catalogs', 'small.yaml'), 'utf8');

/** Parses a variant of the small catalog and returns the problems it raised. */
function problemsOf(text: string, file = '/org/catalog.yaml') {
  try {
    parseCatalog(text, file);
  } catch (error) {
    if (error instanceof DataFileError) return error.problems;
    throw error;
  }
  throw new Error('the catalog was accepted');
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('loading a custom catalog', () => {
  it('accepts a well-formed organisation catalog', () => {
    const catalog = parseCatalog(small, '/org/catalog.yaml');
    expect(catalog.controls.map((control) => control.id)).toEqual(['1.1.1']);
    expect(catalog.control('1.1.1')?.elements[1]?.aliases).toEqual([]);
    expect(catalog.info.name).toBe('ACME controls');
  });

  it('reads an element’s evidence, and rejects malformed evidence at its line', () => {
    const withEvidence = (evidence: string) => small.replace('                prompt: Say when a shared account is allowed, if ever.\n', `                prompt: Say when a shared account is allowed, if ever.\n                evidence: ${evidence}\n`);
    const good = withEvidence('[[shared account, generic account, group login*], [$role]]');
    expect(parseCatalog(good, '/org/catalog.yaml').control('1.1.1')!.elements[1]!.evidence).toEqual([['shared account', 'generic account', 'group login*'], ['$role']]);
    expect(parseCatalog(small, '/org/catalog.yaml').control('1.1.1')!.elements[0]!.evidence).toEqual([]);
    for (const [evidence, message] of [
      ['shared account', /"categories\[0\]\.objectives\[0\]\.controls\[0\]\.elements\[1\]\.evidence" must be an array, not a string/],
      ['[[]]', /evidence\[0\]" must not be empty/],
      ['[[shared, $team]]', /evidence\[0\]\[1\]" has the wrong form \(A word/],
      ['[[sh*]]', /"sh\*": a \* may only end a word of at least 3 letters/],
    ] as const) {
      const text = withEvidence(evidence);
      const problems = problemsOf(text);
      expect(problems, evidence).toHaveLength(1);
      expect(problems[0]!.line, evidence).toBe(lineOf(text, 'evidence:'));
      expect(problems[0]!.message, evidence).toMatch(message);
    }
  });

  it('reads which kinds of organisation an element applies to, and rejects an unknown kind or an empty list at its line', () => {
    const withAppliesTo = (value: string) => small.replace('                prompt: Say when a shared account is allowed, if ever.\n', `                prompt: Say when a shared account is allowed, if ever.\n                applies-to: ${value}\n`);
    const catalog = parseCatalog(withAppliesTo('[care-provider]'), '/org/catalog.yaml');
    expect(catalog.control('1.1.1')!.elements.map((element) => element.appliesTo)).toEqual([undefined, ['care-provider']]);
    expect(catalog.control('1.1.1')!.elements[1]).not.toHaveProperty('applies-to');
    for (const [value, message] of [
      ['[hospital]', /must be one of care-provider, health-technology, other/],
      ['[]', /must not be empty|at least 1/],
      ['[other, other]', /duplicate|unique/],
      ['care-provider', /must be an array/],
    ] as const) {
      const text = withAppliesTo(value);
      const problems = problemsOf(text);
      expect(problems.map((problem) => problem.message), value).toContainEqual(expect.stringMatching(message));
      expect(problems[0]!.line, value).toBe(lineOf(text, 'applies-to:'));
    }
  });

  it('reads the elements a control retired, and rejects a retired id still in use, a replacement that is not an element and a move to a control without it', () => {
    const withRetired = (entries: string) => small.replace('            maps:\n', `            retiredElements:\n${entries}            maps:\n`);
    const good = withRetired('              - id: generic-accounts\n                replacedBy: shared-accounts\n                reason: Renamed to say what is meant.\n');
    expect(parseCatalog(good, '/org/catalog.yaml').control('1.1.1')!.retiredElements).toEqual([{ id: 'generic-accounts', replacedBy: 'shared-accounts', reason: 'Renamed to say what is meant.' }]);
    expect(parseCatalog(small, '/org/catalog.yaml').control('1.1.1')!.retiredElements).toEqual([]);
    const cases: [string, RegExp, string][] = [
      ['              - id: shared-accounts\n                reason: Gone.\n', /"shared-accounts" is listed as retired but is still one of its elements/, '- id: shared-accounts'],
      ['              - id: old\n                replacedBy: nothing-here\n                reason: Gone.\n', /"old" is replaced by "nothing-here", which is not one of its elements/, 'replacedBy: nothing-here'],
      ['              - id: old\n                movedTo: "1.1.1"\n                reason: Moved.\n', /"old" moved to 1\.1\.1, which has no element "old"/, 'movedTo:'],
      ['              - id: old\n', /missing the required key "reason"/, '- id: old'],
    ];
    for (const [entries, message, needle] of cases) {
      const text = withRetired(entries);
      const problems = problemsOf(text);
      expect(problems.map((problem) => problem.message), needle).toContainEqual(expect.stringMatching(message));
      // The retired entry, not the element of the same id above it.
      const line = text.split('\n').findLastIndex((candidate) => candidate.includes(needle)) + 1;
      expect(problems.find((problem) => message.test(problem.message))?.line, needle).toBe(line);
    }
  });

  it('names the file and line of a missing required field', () => {
    const text = small.replace(/ {12}summary: .*\n/, '');
    const [problem, ...rest] = problemsOf(text);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: '/org/catalog.yaml', line: lineOf(text, '- id: "1.1.1"') });
    expect(problem?.message).toContain('missing the required key "summary"');
  });

  it('names the line of a value of the wrong type', () => {
    const text = small.replace('essential: true', 'essential: yes please');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: lineOf(text, 'essential:'), column: 24 });
    expect(problems[0]?.message).toMatch(/must be a boolean, not a string/);
  });

  it('reports a duplicate id at the second definition, naming the first', () => {
    const control = small.slice(small.indexOf('          - id: "1.1.1"'), small.indexOf('            maps:'));
    const text = small.replace('            maps:\n              iso27002_2022: ["5.15"]\n', `            maps:\n              iso27002_2022: ["5.15"]\n${control}`);
    const problems = problemsOf(text);
    const second = text.split('\n').findLastIndex((line) => line.includes('- id: "1.1.1"')) + 1;
    expect(problems).toEqual([
      expect.objectContaining({ line: second, message: expect.stringMatching(/duplicate id "1\.1\.1" \(first defined on line 18\)/) }),
    ]);
  });

  it('suggests the right key for a misspelt one', () => {
    const text = small.replace('prompt: Say when', 'promt: Say when');
    const problems = problemsOf(text);
    expect(problems.map((problem) => problem.message)).toContainEqual(expect.stringContaining('unknown key "promt" (did you mean "prompt"?)'));
    expect(problems.find((problem) => problem.message.includes('promt'))?.line).toBe(lineOf(text, 'promt'));
  });

  it('rejects a control placed under the wrong objective and an unknown mapping id', () => {
    const text = small.replace('- id: "1.1.1"', '- id: "2.1.1"').replace('["5.15"]', '["5.99"]');
    const messages = problemsOf(text).map((problem) => problem.message);
    expect(messages).toContainEqual(expect.stringContaining('does not belong under "1.1"'));
    expect(messages).toContainEqual(expect.stringContaining('maps to "5.99"'));
  });

  describe('a reviewed mapping (mapReview)', () => {
    /** The small catalog with a derived mapping to an example regulation and the given review of it. */
    const withReview = (review: string, reviewed = '') =>
      small
        .replace('frameworks:\n', `frameworks:\n  regs:\n    title: Example regulation\n${reviewed}    items:\n      R1: First rule\n      R2: Second rule\n      R3: Third rule\n      R4: Fourth rule\n`)
        .replace('              iso27002_2022: ["5.15"]\n', `              iso27002_2022: ["5.15"]\n              regs: [R1, R3]\n${review}`);
    const good = [
      '            mapReview:',
      '              regs:',
      '                remove:',
      '                  - items: [R3]',
      '                    reason: Only inherited through a shared row.',
      '                add:',
      '                  - items: [R4, R2]',
      '                    reason: The obvious home of these rules.',
      '',
    ].join('\n');

    it('exposes the curated links in item order, the derived layer and each link\'s origin', () => {
      const catalog = parseCatalog(withReview(good), '/org/catalog.yaml');
      const control = catalog.control('1.1.1')!;
      expect(control.maps.regs).toEqual(['R1', 'R2', 'R4']);
      expect(control.maps.iso27002_2022).toEqual(['5.15']);
      expect(control.mapReview.regs).toEqual({
        derived: ['R1', 'R3'],
        added: [{ id: 'R4', reason: 'The obvious home of these rules.' }, { id: 'R2', reason: 'The obvious home of these rules.' }],
        removed: [{ id: 'R3', reason: 'Only inherited through a shared row.' }],
      });
      expect(control.mapReview.iso27002_2022).toBeUndefined();
      expect(catalog.mapLinks(control, 'regs')).toEqual([
        { id: 'R1', origin: 'derived' },
        { id: 'R2', origin: 'added', reason: 'The obvious home of these rules.' },
        { id: 'R4', origin: 'added', reason: 'The obvious home of these rules.' },
      ]);
      expect(catalog.removedLinks(control, 'regs')).toEqual([{ id: 'R3', reason: 'Only inherited through a shared row.' }]);
      expect(catalog.mapLinks(control, 'iso27002_2022')).toEqual([{ id: '5.15', origin: 'derived' }]);
    });

    it('counts the derived links a control keeps as confirmed once the framework says how it was reviewed', () => {
      const catalog = parseCatalog(withReview(good, '    reviewed: Every control checked by the compliance team in 2026.\n'), '/org/catalog.yaml');
      expect(catalog.frameworks.regs?.reviewed).toBe('Every control checked by the compliance team in 2026.');
      expect(catalog.mapLinks(catalog.control('1.1.1')!, 'regs').map((link) => `${link.id} ${link.origin}`)).toEqual(['R1 confirmed', 'R2 added', 'R4 added']);
    });

    it('rejects, at the line of the identifier, a review that names an unknown item, removes a link not derived, adds a derived one or names one twice', () => {
      const text = withReview(good.replace('items: [R3]', 'items: [R9, R2]').replace('items: [R4, R2]', 'items: [R1, R4, R4]'));
      const problems = problemsOf(text);
      expect(problems.map((problem) => problem.message)).toEqual([
        'control 1.1.1, mapReview.regs.remove: "R9" is not in frameworks.regs.items; correct the identifier',
        'control 1.1.1, mapReview.regs.remove: "R2" is not a derived link (maps.regs does not list it), so there is nothing to remove',
        'control 1.1.1, mapReview.regs.add: "R1" is already a derived link (maps.regs lists it); drop it from add',
        'control 1.1.1, mapReview.regs.add: "R4" is named twice in this review; keep one entry',
      ]);
      expect(problems.map((problem) => problem.line)).toEqual([lineOf(text, '[R9, R2]'), lineOf(text, '[R9, R2]'), lineOf(text, '[R1, R4, R4]'), lineOf(text, '[R1, R4, R4]')]);
      expect(problems.every((problem) => problem.file === '/org/catalog.yaml')).toBe(true);
    });

    it('rejects a review of a framework the catalog does not list', () => {
      const text = withReview(good.replace('              regs:', '              rgs:'));
      const problems = problemsOf(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ line: lineOf(text, 'rgs:') });
      expect(problems[0]!.message).toContain('control 1.1.1 reviews its links to "rgs", which frameworks does not list');
    });

    it('validates the shape of the new keys against the schema: reasons required and on one line, known keys, no empty review', () => {
      const cases: [string, RegExp, string][] = [
        [good.replace('                    reason: Only inherited through a shared row.\n', ''), /missing the required key "reason"/, '- items: [R3]'],
        [good.replace('reason: Only inherited through a shared row.', 'reason: |\n                      Only inherited\n                      through a shared row.'), /has the wrong form/, 'reason: |'],
        [good.replace('- items: [R3]', '- item: [R3]'), /unknown key "item" \(did you mean "items"\?\)/, '- item: [R3]'],
        [good.replace('                remove:', '                removed:'), /unknown key "removed" \(did you mean "remove"\?\)/, 'removed:'],
        ['            mapReview:\n              regs: {}\n', /must not be empty|at least 1/, 'regs: {}'],
        [good.replace('items: [R3]', 'items: []'), /must not be empty|at least 1/, 'items: []'],
      ];
      for (const [review, message, needle] of cases) {
        const text = withReview(review);
        const problems = problemsOf(text);
        expect(problems.map((problem) => problem.message), needle).toContainEqual(expect.stringMatching(message));
        expect(problems.find((problem) => message.test(problem.message))?.line, needle).toBe(lineOf(text, needle));
      }
    });
  });

  it('reports YAML syntax errors with their line', () => {
    const text = small.replace('title: Accounts', 'title: [Accounts');
    const [problem] = problemsOf(text);
    expect(problem?.message).toMatch(/^YAML syntax/);
    expect(problem?.line).toBeGreaterThanOrEqual(lineOf(text, '[Accounts'));
  });

  it('refuses to expand a YAML alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    const [problem] = problemsOf(bomb);
    expect(problem?.message).toMatch(/cannot read the catalog/);
  });

  it('names the file when a catalog cannot be read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clausewise-'));
    expect(() => loadCatalog(join(dir, 'absent.yaml'))).toThrowError(/absent\.yaml:1:1: cannot read the catalog/);
    writeFileSync(join(dir, 'ok.yaml'), small);
    expect(loadCatalog(join(dir, 'ok.yaml')).controls).toHaveLength(1);
  });
});
