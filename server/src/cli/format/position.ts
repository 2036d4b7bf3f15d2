import { positionAt } from '../../document/lines';
import type { PolicyDocument, Range } from '../../document/types';

/** 1-based line and column of a finding's (or a related place's) start and end, as terminals and CI platforms show them. */
export function findingPosition(document: PolicyDocument, { range }: { range: Range }) {
  const start = positionAt(document.lineStarts, range.start);
  const end = positionAt(document.lineStarts, range.end);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}
