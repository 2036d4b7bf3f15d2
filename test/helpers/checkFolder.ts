import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readDocumentFile } from '../../server/src/document/decode';
import { positionAt } from '../../server/src/document/lines';
import type { PolicyDocument } from '../../server/src/document/types';
import { checkFiles } from '../../server/src/engine/batch';
import type { Finding } from '../../server/src/findings/types';
import type { BaseRevision } from '../../server/src/rules/types';

export interface CheckedFile {
  path: string;
  text: string;
  document: PolicyDocument;
  findings: Finding[];
}

/** The Markdown files of a fixture folder that are inputs: not the expected outputs (.fixed.md), not its README. */
export function folderInputs(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && !name.endsWith('.fixed.md') && name !== 'README.md')
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Checks the Markdown files of a folder (folderInputs) as one workspace, through the engine's batch
 * as `clausewise check` does: the folder's `.clausewise.yaml` applies (`exclude` leaves files out,
 * `include` makes files policy documents), files are read as the CLI reads them (binary, non-UTF-8
 * and oversized files reach unreadable-file). `overrides` replaces a file's text (path → text)
 * without touching the disk. A subfolder base/ is the change's base revision: base/x.md is x.md as it was.
 */
export async function checkFolder(dir: string, overrides: Record<string, string> = {}, today?: string): Promise<CheckedFile[]> {
  // A folder base/ holds the base revision of the change (same file names), for the change-discipline rules.
  const baseDir = join(dir, 'base');
  const base: BaseRevision | undefined = existsSync(baseDir)
    ? { label: 'the base', textOf: (path) => (existsSync(join(baseDir, basename(path))) ? readFileSync(join(baseDir, basename(path)), 'utf8') : undefined) }
    : undefined;
  const { results } = await checkFiles(folderInputs(dir), {
    cwd: dir,
    today,
    texts: new Map(Object.entries(overrides)),
    fileExists: (path) => path in overrides || existsSync(path),
    base,
  });
  return results.map(({ path, document, findings }) => ({ path, text: overrides[path] ?? readDocumentFile(path).text, document, findings }));
}

/** "line:rule" strings (1-based lines), sorted, for comparing findings with expectations. */
export function findingLines(file: Pick<CheckedFile, 'document' | 'findings'>): string[] {
  return file.findings.map((finding) => `${positionAt(file.document.lineStarts, finding.range.start).line + 1}:${finding.ruleId}`).sort(byLine);
}

export function byLine(a: string, b: string): number {
  return Number(a.split(':')[0]) - Number(b.split(':')[0]) || a.localeCompare(b);
}
