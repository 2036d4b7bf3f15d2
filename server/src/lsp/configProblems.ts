import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, MessageType, ShowMessageNotification, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { DataFileError, SourceProblem } from '../yaml/problem';
import type { DiagnosticsPublisher } from './diagnostics';
import { MAX_CATALOG_BYTES } from '../catalog/load';
import { readRegularFile } from '../files/readFile';

/**
 * Config and catalog files that cannot be used: each problem becomes a diagnostic on that file,
 * and each new failure is announced once with window/showMessage. The server keeps serving.
 */
export class ConfigProblems {
  private readonly announced = new Set<string>();
  private readonly files = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly publisher: DiagnosticsPublisher,
  ) {}

  /** Publishes the problems of every config or catalog that cannot be used now; clears files that are fine again. */
  update(errors: DataFileError[]): void {
    const byFile = new Map<string, SourceProblem[]>();
    for (const problem of errors.flatMap((error) => error.problems)) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
    for (const file of this.files) if (!byFile.has(file)) this.publisher.clear(file);
    this.files.clear();
    for (const [file, problems] of byFile) {
      this.files.add(file);
      const lines = linesOf(file);
      this.publisher.send(file, pathToFileURL(file).href, problems.map((problem) => toDiagnostic(problem, lines[problem.line - 1] ?? '')));
    }
    // A problem that went away and comes back is announced again.
    for (const message of [...this.announced]) if (!errors.some((error) => error.message === message)) this.announced.delete(message);
    for (const error of errors) {
      if (this.announced.has(error.message)) continue;
      this.announced.add(error.message);
      const first = error.problems[0];
      const where = first ? `${first.file}:${first.line}:${first.column}: ${first.message}` : error.message;
      void this.connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Error,
        message: `Clausewise: the ${error.kind} cannot be used, so the documents it governs are not checked until it is fixed. ${where}${error.problems.length > 1 ? ` (and ${error.problems.length - 1} more)` : ''}`,
      });
    }
  }

  /** The config and catalog files that have diagnostics now. */
  paths(): string[] {
    return [...this.files];
  }
}

function toDiagnostic(problem: SourceProblem, line: string): Diagnostic {
  const character = Math.max(0, problem.column - 1);
  return {
    range: { start: { line: problem.line - 1, character }, end: { line: problem.line - 1, character: Math.max(character + 1, line.length) } },
    severity: DiagnosticSeverity.Error,
    code: 'config-invalid',
    source: 'clausewise',
    message: problem.message,
  };
}

/** The file's lines, read once for all its problems (a catalog can have hundreds). */
function linesOf(file: string): string[] {
  try {
    return readRegularFile(file, MAX_CATALOG_BYTES).toString('utf8').split(/\r?\n/);
  } catch {
    // The file may be gone by now; each diagnostic then spans one character.
    return [];
  }
}
