import { relative } from 'node:path';
import type { Session } from '../engine/session';
import { formatProblem, type DataFileError, type SourceProblem } from '../yaml/problem';

/** One line of the client's log, with the level it is shown at. */
export interface LogLine {
  level: 'info' | 'warn' | 'error';
  text: string;
}

/**
 * What an indexing pass found, for the "Clausewise" output: how many Markdown files and policy
 * documents and how long it took, each policy set's config file and catalog, and every problem of a
 * config or catalog that cannot be used, and every wrong entry left out of a config that is used (each
 * with file, line and column), so a user can see what happened without reading the diagnostics of
 * files they may not have open.
 */
export function indexingReport(session: Session, milliseconds: number, errors: DataFileError[], ignored: SourceProblem[] = []): LogLine[] {
  const documents = session.all();
  const policies = documents.filter((entry) => entry.analyzed.summary.isPolicy).length;
  const seconds = (milliseconds / 1000).toFixed(milliseconds < 10_000 ? 2 : 1);
  const lines: LogLine[] = [{ level: 'info', text: `Indexed ${count(documents.length, 'Markdown file')} in ${seconds} s: ${count(policies, 'policy document')}.` }];
  for (const set of session.policySets()) {
    const { config, catalog } = set;
    const governed = documents.filter((entry) => entry.set === set);
    const where = config.file ?? `no config file (defaults, from ${config.root})`;
    const catalogName = `${catalog.info.name}${catalog.info.version ? ` version ${catalog.info.version}` : ''}, ${count(catalog.controls.length, 'control')}, from ${relativeOr(config.root, catalog.info.file)}`;
    lines.push({ level: 'info', text: `Config: ${where}; catalog ${catalogName}; ${count(governed.length, 'Markdown file')}, ${count(governed.filter((entry) => entry.analyzed.summary.isPolicy).length, 'policy document')}.` });
  }
  for (const error of errors) {
    lines.push({ level: 'error', text: `The ${error.kind} cannot be used, so the documents it governs are not checked until it is fixed (${count(error.problems.length, 'problem')}):` });
    for (const problem of error.problems) lines.push({ level: 'error', text: `  ${formatProblem(problem)}` });
  }
  if (ignored.length > 0) {
    lines.push({ level: 'warn', text: `Left out of the config, which is otherwise used (${count(ignored.length, 'problem')}; fix them to use those entries):` });
    for (const problem of ignored) lines.push({ level: 'warn', text: `  ${formatProblem(problem)}` });
  }
  return lines;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The path relative to `root` when it lies inside it (shorter to read), else the absolute path. */
function relativeOr(root: string, path: string): string {
  const inside = relative(root, path);
  return inside && !inside.startsWith('..') && !inside.startsWith('/') ? inside : path;
}
