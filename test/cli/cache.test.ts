import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CheckCache } from '../../server/src/cli/cache';
import { checkFiles } from '../../server/src/engine/batch';
import { runCli } from '../helpers/run';
import { policyText, tempWorkspace } from '../helpers/tempWorkspace';

const backupBody = '# B\n\n## Backup scope\n\nAll.\n\n## Backup schedule\n\nNightly.\n\n## Backup storage\n\nOff-site.\n\n## Backup retention\n\n90 days.\n\n## Restore testing\n\nQuarterly.\n';

function workspace() {
  return tempWorkspace({
    'a.md': policyText('POL-A', 'related: [POL-B]\n').replace('clauses: []', 'clauses: [12.3.1]').replace('# Policy\n\nText.\n', backupBody),
    'b.md': policyText('POL-B'),
    'c.md': policyText('POL-C'),
  });
}

async function run(root: string) {
  const cache = CheckCache.load(join(root, '.clausewise-cache'));
  const { results } = await checkFiles(['a.md', 'b.md', 'c.md'].map((name) => join(root, name)), { cwd: root, today: '2026-06-01', cache, parallel: false });
  cache.save();
  return { cache, results };
}

describe('clausewise check --cache', () => {
  it('re-analyses nothing when nothing changed, and gives the same findings', async () => {
    const root = workspace();
    const first = await run(root);
    expect([first.cache.hits, first.cache.misses]).toEqual([0, 3]);
    const second = await run(root);
    expect([second.cache.hits, second.cache.misses]).toEqual([3, 0]);
    expect(second.results.map((result) => result.findings)).toEqual(first.results.map((result) => result.findings));
  });

  it('re-analyses a changed file only, and still re-checks cross-document rules from the cached summaries', async () => {
    const root = workspace();
    await run(root);
    writeFileSync(join(root, 'b.md'), policyText('POL-RENAMED'));
    const after = await run(root);
    expect([after.cache.hits, after.cache.misses]).toEqual([2, 1]);
    // a.md was not re-analysed, but its related POL-B is now broken.
    expect(after.results[0]!.findings.map((finding) => finding.ruleId)).toEqual(['broken-reference']);
  });

  it('reports a linked file that has gone since the cached run, and stops reporting it once it is back', async () => {
    const root = workspace();
    writeFileSync(join(root, 'c.md'), policyText('POL-C').replace('Text.', 'See the [signed form](forms/signed.pdf).'));
    mkdirSync(join(root, 'forms'));
    writeFileSync(join(root, 'forms', 'signed.pdf'), 'pdf');
    const broken = (results: Awaited<ReturnType<typeof run>>['results']) => results[2]!.findings.filter((finding) => finding.ruleId === 'broken-reference').map((finding) => finding.message);
    expect(broken((await run(root)).results)).toEqual([]);
    rmSync(join(root, 'forms', 'signed.pdf'));
    const gone = await run(root);
    expect([gone.cache.hits, gone.cache.misses]).toEqual([3, 0]);
    expect(broken(gone.results)).toEqual(['the link points to "forms/signed.pdf", which does not exist; fix the path or remove the link']);
    // The cache now remembers the file as gone: the next run reuses the workspace findings as they are.
    const probes = () => JSON.parse(readFileSync(join(root, '.clausewise-cache'), 'utf8')).probes;
    expect(probes()).toEqual({ [join(root, 'forms', 'signed.pdf')]: false });
    expect(broken((await run(root)).results)).toHaveLength(1);
    writeFileSync(join(root, 'forms', 'signed.pdf'), 'pdf');
    expect(broken((await run(root)).results)).toEqual([]);
    expect(probes()).toEqual({ [join(root, 'forms', 'signed.pdf')]: true });
  });

  it('is invalidated by a changed config', async () => {
    const root = workspace();
    await run(root);
    writeFileSync(join(root, '.clausewise.yaml'), 'rules:\n  broken-reference: warning\n');
    const after = await run(root);
    expect([after.cache.hits, after.cache.misses]).toEqual([0, 3]);
  });

  it('works from the command line with --cache-location, and a corrupt cache is rebuilt', () => {
    const root = workspace();
    const location = join(root, 'cache.json');
    const first = runCli(['check', '.', '--cache', '--cache-location', location, '--today', '2026-06-01'], { cwd: root });
    expect(first.code).toBe(0);
    expect(existsSync(location)).toBe(true);
    writeFileSync(location, '{not json');
    const second = runCli(['check', '.', '--cache', '--cache-location', location, '--today', '2026-06-01'], { cwd: root });
    expect(second.stdout).toBe(first.stdout);
    // Rebuilt: a cache of this version, with an entry per file.
    expect(Object.keys(JSON.parse(readFileSync(location, 'utf8')).entries)).toHaveLength(3);
    expect(runCli(['check', '.', '--cache-location', location], { cwd: root })).toMatchObject({ code: 2, stderr: expect.stringContaining('--cache-location goes with --cache') });
  });
});
