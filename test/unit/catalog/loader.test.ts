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
