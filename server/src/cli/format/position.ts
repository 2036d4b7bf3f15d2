import { positionAt } from '../../document/lines';
import type { PolicyDocument } from '../../document/types';
import type { Finding } from '../../findings/types';

/** 1-based line and column of a finding's start and end, as terminals and CI platforms show them. */
export function findingPosition(document: PolicyDocument, finding: Finding) {
  const start = positionAt(document.lineStarts, finding.range.start);
  const end = positionAt(document.lineStarts, finding.range.end);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}
