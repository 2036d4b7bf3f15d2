import type { FileResult } from '../../engine/batch';
import { paint, type Output } from '../terminal';
import { displayPath } from '../../report/displayPath';
import { findingPosition } from './position';

const SEVERITY_STYLE = { error: 'red', warning: 'yellow', info: 'cyan' } as const;

/**
 * `path:line:col  severity  message  rule-id` (and an indented line per related place, with its `line:col` when it is on another line), grouped by
 * file, then a summary line. A file at a time, so that a large run is written as it is formatted rather
 * than built whole first (10,000 documents' findings come to hundreds of megabytes of text).
 */
export function* stylishChunks(results: FileResult[], output: Pick<Output, 'color'>, cwd: string): Generator<string> {
  const counts = { error: 0, warning: 0, info: 0 };
  let fixable = 0;
  let first = true;
  for (const result of results) {
    if (result.findings.length === 0) continue;
    const path = displayPath(result.path, cwd);
    const lines = result.findings.map((finding) => {
      counts[finding.severity]++;
      if (finding.fixes.some((fix) => fix.automatic)) fixable++;
      const { line, column } = findingPosition(result.document, finding);
      const severity = paint(output, SEVERITY_STYLE[finding.severity], finding.severity.padEnd(7));
      // A finding about several elements lists each below it (missing: where Clausewise looked; empty: each section), with its place when on another line.
      const related = (finding.related ?? []).map((place) => {
        const at = findingPosition(result.document, place);
        return `\n    ${paint(output, 'gray', `· ${at.line === line ? '' : `${at.line}:${at.column}  `}${place.message}`)}`;
      }).join('');
      return `${path}:${line}:${column}  ${severity}  ${finding.message}  ${paint(output, 'gray', finding.ruleId)}${related}`;
    });
    yield `${first ? '' : '\n\n'}${lines.join('\n')}`;
    first = false;
  }
  const total = counts.error + counts.warning + counts.info;
  const checked = `${results.length} ${results.length === 1 ? 'file' : 'files'} checked`;
  if (total === 0) {
    yield `${paint(output, 'green', `✔ no problems (${checked})`)}\n`;
    return;
  }
  const parts = [`${counts.error} ${counts.error === 1 ? 'error' : 'errors'}`, `${counts.warning} ${counts.warning === 1 ? 'warning' : 'warnings'}`];
  if (counts.info) parts.push(`${counts.info} info`);
  const summary = `✖ ${total} ${total === 1 ? 'problem' : 'problems'} (${parts.join(', ')}) in ${checked}${fixable ? `; ${fixable} fixable with --fix` : ''}`;
  yield `\n\n${paint(output, counts.error ? 'red' : 'yellow', summary)}\n`;
}
