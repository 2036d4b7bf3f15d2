import { displayPath } from '../../report/displayPath';
import type { FileResult } from '../../engine/batch';
import { findingPosition } from './position';

/**
 * The documented JSON shape: `{ version, files: [{ path, findings: [{ ruleId, severity, message,
 * line, column, endLine, endColumn, offset, endOffset, clause?, element?, elements?: [{ id, title }], related?: [{ message,
 * line, column, endLine, endColumn }], fixes }] }], summary }`.
 * Paths are relative to the working folder, with forward slashes.
 */
export function formatJson(results: FileResult[], cwd: string): string {
  const summary = { files: results.length, errors: 0, warnings: 0, infos: 0 };
  const files = results.map((result) => ({
    path: displayPath(result.path, cwd),
    findings: result.findings.map((finding) => {
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
    }),
  }));
  return `${JSON.stringify({ version: 1, files, summary }, null, 2)}\n`;
}
