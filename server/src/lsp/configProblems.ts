import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, MessageType, ShowMessageNotification, type Connection, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { DataFileError, SourceProblem } from '../yaml/problem';
import type { FixNote } from './conversion';
import type { DiagnosticsPublisher } from './diagnostics';
import { MAX_CATALOG_BYTES } from '../catalog/load';
import { readRegularFile } from '../files/readFile';

/**
 * Config and catalog problems as diagnostics on their files. A file that cannot be used (it does
 * not parse, its catalog is missing) stops the checking of the documents it governs; a wrong key or
 * entry of a config is left out and the rest used (a warning, with the "did you mean" as a quick
 * fix). Each new problem is announced once with window/showMessage. The server keeps serving.
 */
export class ConfigProblems {
  private readonly announced = new Set<string>();
  private readonly files = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly publisher: DiagnosticsPublisher,
  ) {}

  /** Publishes the problems of every config or catalog now; clears files that are fine again. */
  update(errors: DataFileError[], ignored: SourceProblem[] = []): void {
    const byFile = new Map<string, { problem: SourceProblem; usable: boolean }[]>();
    const add = (problem: SourceProblem, usable: boolean) => byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), { problem, usable }]);
    for (const problem of errors.flatMap((error) => error.problems)) add(problem, false);
    for (const problem of ignored) add(problem, true);
    for (const file of this.files) if (!byFile.has(file)) this.publisher.clear(file);
    this.files.clear();
    for (const [file, entries] of byFile) {
      this.files.add(file);
      const lines = linesOf(file);
      const diagnostics = entries.map(({ problem, usable }) => toDiagnostic(problem, lines[problem.line - 1] ?? '', usable));
      this.publisher.send(file, pathToFileURL(file).href, diagnostics);
    }
    const messages: { type: MessageType; message: string }[] = [
      ...errors.map((error) => {
        const first = error.problems[0];
        const where = first ? `${first.file}:${first.line}:${first.column}: ${first.message}` : error.message;
        return { type: MessageType.Error as MessageType, message: `Clausewise: the ${error.kind} cannot be used, so the documents it governs are not checked until it is fixed. ${where}${error.problems.length > 1 ? ` (and ${error.problems.length - 1} more)` : ''}` };
      }),
      ...groupByFile(ignored).map((problems) => ({
        type: MessageType.Warning as MessageType,
        message: `Clausewise: ${problems[0]!.file}:${problems[0]!.line}:${problems[0]!.column}: ${problems[0]!.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}. ${problems.length > 1 ? 'These parts are' : 'That part is'} ignored; the rest of the config is used.`,
      })),
    ];
    // A problem that went away and comes back is announced again; one still there is not.
    for (const message of [...this.announced]) if (!messages.some((candidate) => candidate.message === message)) this.announced.delete(message);
    for (const { type, message } of messages) {
      if (this.announced.has(message)) continue;
      this.announced.add(message);
      void this.connection.sendNotification(ShowMessageNotification.type, { type, message });
    }
  }

  /** The config and catalog files that have diagnostics now. */
  paths(): string[] {
    return [...this.files];
  }
}

/**
 * What a config-invalid diagnostic carries in `data`: its fix with the edits, unlike a document's. A config
 * file has no findings in the server's state to build the quick fix from, so textDocument/codeAction reads
 * it back from the diagnostic (codeActions.ts, configFixes); there are a handful, not thousands.
 */
export interface ConfigDiagnosticData {
  fixes: (FixNote & { edits: TextEdit[] })[];
}

function groupByFile(problems: SourceProblem[]): SourceProblem[][] {
  const byFile = new Map<string, SourceProblem[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  return [...byFile.values()];
}

const DID_YOU_MEAN = /unknown key "([^"]+)" \(did you mean "([^"]+)"\?\)/;

/** A config problem as a diagnostic: an error when the file cannot be used, a warning when the part is left out (with the rename a "did you mean" names). */
function toDiagnostic(problem: SourceProblem, line: string, usable: boolean): Diagnostic {
  const character = Math.max(0, problem.column - 1);
  const range = { start: { line: problem.line - 1, character }, end: { line: problem.line - 1, character: Math.max(character + 1, line.length) } };
  const diagnostic: Diagnostic = {
    range,
    severity: usable ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
    code: 'config-invalid',
    source: 'clausewise',
    message: usable ? `${problem.message}; ignored, the rest of the config is used` : problem.message,
  };
  const rename = usable ? DID_YOU_MEAN.exec(problem.message) : null;
  if (rename && line.startsWith(rename[1]!, character)) {
    const [, wrong, right] = rename;
    const edit = { range: { start: range.start, end: { line: range.start.line, character: character + wrong!.length } }, newText: right! };
    const data: ConfigDiagnosticData = { fixes: [{ title: `Rename "${wrong}" to "${right}"`, automatic: true, edits: [edit] }] };
    diagnostic.data = data;
  }
  return diagnostic;
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
