import { displayPath } from '../../report/displayPath';
import type { FileResult } from '../../engine/batch';
import type { Finding } from '../../findings/types';
import { findingPosition } from './position';

type Counts = { files: number; errors: number; warnings: number; infos: number };

/**
 * The documented JSON shape: `{ version, files: [{ path, findings: [{ ruleId, severity, message,
 * line, column, endLine, endColumn, offset, endOffset, clause?, element?, elements?: [{ id, title }], related?: [{ message,
 * line, column, endLine, endColumn }], fixes }] }], summary }`.
 * Paths are relative to the working folder, with forward slashes.
 *
 * Written a file at a time, with the bytes `JSON.stringify(report, null, 2)` would give: on 2,000
 * documents the whole report is tens of megabytes, and neither it nor the objects behind it are ever
 * held at once.
 */
export function* jsonChunks(results: FileResult[], cwd: string): Generator<string> {
  const summary: Counts = { files: results.length, errors: 0, warnings: 0, infos: 0 };
  yield `{\n  "version": 1,\n  "files": [${results.length ? '\n    ' : ''}`;
  for (const [at, result] of results.entries()) {
    const file = { path: displayPath(result.path, cwd), findings: result.findings.map((finding) => findingJson(result, finding, summary)) };
    // JSON strings hold no raw line break: every one is the file's own, indented two levels deeper.
    yield `${at ? ',\n    ' : ''}${JSON.stringify(file, null, 2).replace(/\n/g, '\n    ')}`;
  }
  yield `${results.length ? '\n  ' : ''}],\n  "summary": ${JSON.stringify(summary, null, 2).replace(/\n/g, '\n  ')}\n}\n`;
}

function findingJson(result: FileResult, finding: Finding, summary: Counts) {
  summary[finding.severity === 'error' ? 'errors' : finding.severity === 'warning' ? 'warnings' : 'infos']++;
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    ...findingPosition(result.document, finding),
    offset: finding.range.start,
    endOffset: finding.range.end,
    ...(finding.clause ? { clause: finding.clause } : {}),
    ...(finding.element ? { element: finding.element } : {}),
    ...(finding.elements ? { elements: finding.elements.map(({ id, title }) => ({ id, title })) } : {}),
    ...(finding.related?.length ? { related: finding.related.map((place) => ({ message: place.message, ...findingPosition(result.document, place) })) } : {}),
    fixes: finding.fixes.map((fix) => ({
      title: fix.title,
      automatic: fix.automatic,
      edits: fix.edits.map((edit) => ({ offset: edit.range.start, endOffset: edit.range.end, newText: edit.newText })),
    })),
  };
}
