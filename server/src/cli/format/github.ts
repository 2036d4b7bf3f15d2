import type { FileResult } from '../checkRun';
import { displayPath } from './paths';
import { findingPosition } from './position';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, shown inline on the pull request. */
export function formatGithub(results: FileResult[], cwd: string): string {
  const lines = results.flatMap((result) =>
    result.findings.map((finding) => {
      const { line, column, endLine, endColumn } = findingPosition(result.document, finding);
      const properties = [`file=${escapeProperty(displayPath(result.path, cwd))}`, `line=${line}`, `col=${column}`, `endLine=${endLine}`, `endColumn=${endColumn}`, `title=${escapeProperty(`clausewise ${finding.ruleId}`)}`];
      return `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}`;
    }),
  );
  return lines.length ? `${lines.join('\n')}\n` : '';
}
