import { displayPath } from '../../report/displayPath';
import type { FileResult } from '../../engine/batch';
import { findingPosition } from './position';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

/** JUnit XML: one testsuite per file, one failing testcase per finding (a clean file passes one testcase). */
export function formatJunit(results: FileResult[], cwd: string): string {
  const failures = results.reduce((sum, result) => sum + result.findings.length, 0);
  const tests = results.reduce((sum, result) => sum + Math.max(1, result.findings.length), 0);
  const suites = results.map((result) => {
    const path = escape(displayPath(result.path, cwd));
    const cases = result.findings.length
      ? result.findings.map((finding) => {
          const { line, column } = findingPosition(result.document, finding);
          const message = escape(finding.message);
          return `    <testcase name="${path}:${line}:${column} ${finding.ruleId}" classname="${path}">\n      <failure message="${message}" type="${finding.ruleId}">${finding.severity} ${path}:${line}:${column} ${message} (${finding.ruleId})</failure>\n    </testcase>`;
        })
      : [`    <testcase name="${path}" classname="${path}"/>`];
    return `  <testsuite name="${path}" tests="${Math.max(1, result.findings.length)}" failures="${result.findings.length}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="clausewise" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
}
