import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../../server/src/config/resolve';
import { computeCoverage } from '../../server/src/model/coverage';
import { PolicySet } from '../../server/src/engine/policySet';
import { checkFiles } from '../../server/src/engine/batch';
import { discoverFiles } from '../../server/src/cli/files';
import { repoRoot } from '../helpers/paths';

const samples = join(repoRoot, 'samples');
const today = '2026-12-01';

function checkSampleFolder(dir: string) {
  const resolver = new ConfigResolver(dir);
  const { files } = discoverFiles([dir], repoRoot, (root) => {
    const { config, catalog } = resolver.forDirectory(root);
    const set = new PolicySet(config, catalog);
    return (path) => set.isExcluded(path);
  });
  return checkFiles(files, { cwd: repoRoot, today });
}

describe('the sample policy set', async () => {
  const { results, sets } = await checkSampleFolder(samples);

  it('has 15–25 documents and yields no findings at all', () => {
    expect(results.length).toBeGreaterThanOrEqual(15);
    expect(results.length).toBeLessThanOrEqual(25);
    expect(results.flatMap((result) => result.findings.map((finding) => `${result.path}: ${finding.ruleId} ${finding.message}`))).toEqual([]);
  });

  it('covers or validly excludes every one of the 114 controls, with every element present', () => {
    expect(sets).toHaveLength(1);
    const set = sets[0]!;
    const coverage = computeCoverage(set.index, set.catalog, set.config, today);
    expect(coverage.controls.filter((control) => control.state !== 'covered' && control.state !== 'excluded').map((control) => `${control.id}: ${control.reasons.join('; ')}`)).toEqual([]);
    expect(coverage.totals).toMatchObject({ total: 114, covered: 113, excluded: 1, coveredPercent: 100 });
  });

  it('leaves the README and the with-problems folder out of the set', () => {
    expect(results.map((result) => result.path)).not.toContain(join(samples, 'README.md'));
    expect(results.some((result) => result.path.includes('with-problems'))).toBe(false);
  });
});

describe('samples/with-problems', async () => {
  const dir = join(samples, 'with-problems');
  const { results } = await checkSampleFolder(dir);
  const listed = readFileSync(join(dir, 'README.md'), 'utf8')
    .split('\n')
    .filter((line) => /^\| [\w-]+\.md \|/.test(line))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map((cells) => `${cells[1]} ${cells[3]}`);

  it('lists at least five mistakes in its README', () => {
    expect(listed.length).toBeGreaterThanOrEqual(5);
  });

  it('yields exactly the listed rule for each listed mistake, and nothing else', () => {
    const found = results.flatMap((result) => result.findings.map((finding) => `${result.path.slice(dir.length + 1)} ${finding.ruleId}`));
    expect(found.sort()).toEqual([...listed].sort());
  });
});
