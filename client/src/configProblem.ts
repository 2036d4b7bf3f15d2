import { DiagnosticSeverity, languages, type Diagnostic, type Range, type Uri } from 'vscode';

/** The first problem the server reports in a .clausewise.yaml (or catalog), if any. */
export interface ConfigProblem {
  uri: Uri;
  range: Range;
  message: string;
  /** True when the config cannot be used at all; false when only its wrong part is left out. */
  blocking: boolean;
}

/** A diagnostic the server publishes on a config (or catalog) file. */
function isConfigDiagnostic(diagnostic: Diagnostic): boolean {
  return diagnostic.source === 'clausewise' && diagnostic.code === 'config-invalid';
}

/** Whether one file carries a config problem now (reads that file's diagnostics only). */
export function hasConfigProblem(uri: Uri): boolean {
  return languages.getDiagnostics(uri).some(isConfigDiagnostic);
}

/** The files that carry a config problem now (reads every file's diagnostics). */
export function configProblemUris(): Uri[] {
  return languages.getDiagnostics().flatMap(([uri, diagnostics]) => (diagnostics.some(isConfigDiagnostic) ? [uri] : []));
}

/** Read from the diagnostics the server publishes on config files (code `config-invalid`): errors first. */
export function configProblem(): ConfigProblem | undefined {
  const found = languages
    .getDiagnostics()
    .flatMap(([uri, diagnostics]) => diagnostics.filter(isConfigDiagnostic).map((diagnostic) => ({ uri, diagnostic })))
    .sort((a, b) => a.diagnostic.severity - b.diagnostic.severity)[0];
  if (!found) return undefined;
  const { uri, diagnostic } = found;
  return { uri, range: diagnostic.range, message: diagnostic.message, blocking: diagnostic.severity === DiagnosticSeverity.Error };
}

/** The one line the views show while a config has a problem. */
export function configProblemMessage(problem: ConfigProblem): string {
  const where = `${problem.uri.path.split('/').pop()}:${problem.range.start.line + 1}`;
  return problem.blocking
    ? `The Clausewise config cannot be used (${where}: ${problem.message}); the documents it governs are not checked until it is fixed.`
    : `The Clausewise config has a problem (${where}: ${problem.message}); the rest of it is used.`;
}
