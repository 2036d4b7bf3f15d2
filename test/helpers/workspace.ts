import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ConfigResolver } from '../../server/src/config/resolve';
import { readDocumentFile } from '../../server/src/document/decode';
import { positionAt } from '../../server/src/document/lines';
import type { PolicyDocument } from '../../server/src/document/types';
import type { Finding } from '../../server/src/findings/types';
import type { BaseRevision } from '../../server/src/rules/types';
import { PolicySet } from '../../server/src/workspace/policySet';

export interface CheckedFile {
  path: string;
  text: string;
  document: PolicyDocument;
  findings: Finding[];
}

/**
 * Checks every Markdown file of a folder as one workspace, in memory: `overrides` replaces a file's
 * text (path → text) without touching the disk. Files ending .fixed.md are expected outputs, not inputs.
 * A subfolder base/ is the change's base revision: base/x.md is x.md as it was.
 */
export function checkFolder(dir: string, overrides: Record<string, string> = {}, today?: string): CheckedFile[] {
  const paths = readdirSync(dir)
    .filter((name) => name.endsWith('.md') && !name.endsWith('.fixed.md') && name !== 'README.md')
    .sort()
    .map((name) => join(dir, name));
  const { config, catalog } = new ConfigResolver(dir).forDirectory(dir);
  const set = new PolicySet(config, catalog);
  // Files are read as the CLI reads them, so binary, non-UTF-8 and oversized files reach unreadable-file.
  const read = (path: string) => (path in overrides ? { text: overrides[path]! } : readDocumentFile(path));
  const added = paths.map((path) => ({ path, ...read(path) })).map((file) => ({ path: file.path, text: file.text, ...set.add(file.path, file.text, file.problem) }));
  const fileExists = (path: string) => path in overrides || existsSync(path);
  // A folder base/ holds the base revision of the change (same file names), for the change-discipline rules.
  const baseDir = join(dir, 'base');
  const base: BaseRevision | undefined = existsSync(baseDir)
    ? { label: 'the base', textOf: (path) => (existsSync(join(baseDir, basename(path))) ? readFileSync(join(baseDir, basename(path)), 'utf8') : undefined) }
    : undefined;
  return added.map(({ path, text, document, summary }) => ({ path, text, document, findings: set.check(document, summary, { today, fileExists, base }) }));
}

/** "line:rule" strings (1-based lines), sorted, for comparing findings with expectations. */
export function findingLines(file: Pick<CheckedFile, 'document' | 'findings'>): string[] {
  return file.findings.map((finding) => `${positionAt(file.document.lineStarts, finding.range.start).line + 1}:${finding.ruleId}`).sort(byLine);
}

export function byLine(a: string, b: string): number {
  return Number(a.split(':')[0]) - Number(b.split(':')[0]) || a.localeCompare(b);
}
