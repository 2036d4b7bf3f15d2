import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../../server/src/cli/format/json';
import { checkFiles } from '../../../server/src/engine/batch';
import { repoRoot } from '../../helpers/paths';

const folder = join(repoRoot, 'samples', 'with-problems');
const files = readdirSync(folder).filter((name) => name.endsWith('.md') && name !== 'README.md').map((name) => join(folder, name));
const { results } = await checkFiles(files, { cwd: repoRoot, today: '2026-06-01' });
const written = (part: typeof results) => [...jsonChunks(part, repoRoot)].join('');

// check --format json is written a file at a time; a reader must get what one JSON.stringify(report, null, 2) gives.
describe('check --format json, written a file at a time', () => {
  it('is the report pretty-printed in one piece, byte for byte: with findings, a file without any, and no file', () => {
    const clean = results.map((result) => ({ ...result, findings: [] }));
    expect(results.some((result) => result.findings.length > 0)).toBe(true);
    for (const part of [results, results.slice(0, 1), clean.slice(0, 2), []]) {
      const text = written(part);
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    }
  });

  it('comes in one piece per file, with the summary counted over them all', () => {
    expect([...jsonChunks(results, repoRoot)]).toHaveLength(results.length + 2);
    const report = JSON.parse(written(results)) as { files: { path: string; findings: { severity: string }[] }[]; summary: Record<string, number> };
    expect(report.files.map((file) => file.path)).toEqual(results.map((result) => `samples/with-problems/${result.path.split('/').pop()}`));
    const all = report.files.flatMap((file) => file.findings);
    expect(report.summary).toEqual({ files: results.length, errors: all.filter((f) => f.severity === 'error').length, warnings: all.filter((f) => f.severity === 'warning').length, infos: all.filter((f) => f.severity === 'info').length });
  });
});
