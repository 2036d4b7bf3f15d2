import type { FileResult } from '../../engine/batch';
import { placedFindings } from './position';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** A finding placed in a file, as the annotation formats take it (1-based line and column). */
export interface PlacedFinding {
  ruleId: string;
  severity: keyof typeof COMMAND;
  path: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, shown inline on the pull request. */
export function formatGithub(results: FileResult[], cwd: string): string {
  return githubAnnotations(placedFindings(results, cwd));
}

/** One workflow command per finding. */
export function githubAnnotations(findings: PlacedFinding[]): string {
  const lines = findings.map((finding) => {
    const end = finding.endLine === undefined ? [] : [`endLine=${finding.endLine}`, `endColumn=${finding.endColumn}`];
    const properties = [`file=${escapeProperty(finding.path)}`, `line=${finding.line}`, `col=${finding.column}`, ...end, `title=${escapeProperty(`clausewise ${finding.ruleId}`)}`];
    return `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}`;
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}
