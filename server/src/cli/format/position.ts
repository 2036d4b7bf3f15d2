import { positionAt } from '../../document/lines';
import type { PolicyDocument, Range } from '../../document/types';
import type { FileResult } from '../../engine/batch';
import { displayPath } from '../../report/displayPath';

/** 1-based line and column of a finding's (or a related place's) start and end, as terminals and CI platforms show them. */
export function findingPosition(document: PolicyDocument, { range }: { range: Range }) {
  const start = positionAt(document.lineStarts, range.start);
  const end = positionAt(document.lineStarts, range.end);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** Every finding of a run with its file's path as shown (relative to `cwd`) and its position: what the annotation formats (github, gitlab) take. */
export function placedFindings(results: FileResult[], cwd: string) {
  return results.flatMap((result) => result.findings.map((finding) => ({ ...finding, path: displayPath(result.path, cwd), ...findingPosition(result.document, finding) })));
}
