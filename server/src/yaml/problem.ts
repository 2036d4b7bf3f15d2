/** A problem in a data file (catalog, config), placed at a 1-based line and column. */
export interface SourceProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export function formatProblem(problem: SourceProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/** Raised when a data file cannot be used; carries every problem found, each with its place. */
export class DataFileError extends Error {
  constructor(
    readonly kind: string,
    readonly problems: SourceProblem[],
  ) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'DataFileError';
  }
}
