import { closeSync, openSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openBase } from './baseRevision';
import { changedSelection } from './changedSince';
import { CheckCache } from './cache';
import { checkFiles, type FileResult } from '../engine/batch';
import { fixFiles } from './fix';
import { checkToday, commandSets, inputsOf, SET_OPTIONS, setOptionLines } from './inputs';
import { displayPath } from '../report/displayPath';
import { formatGithub } from './format/github';
import { formatGitlab } from './format/gitlab';
import { jsonChunks } from './format/json';
import { formatJunit } from './format/junit';
import { formatSarif } from './format/sarif';
import { stylishChunks } from './format/stylish';
import { progressReporter } from './progress';
import { stdoutOutput, type Output } from './terminal';
import { oneOf, UsageError } from './usageError';
import { commandArgs } from './commandArgs';

export const checkUsage = `Usage: clausewise check [paths|globs…] [options]

Checks policy documents: frontmatter, clause ids, baseline elements, reviews, exclusions, references.
With no paths: the config's include globs, else the current folder.

Options:
  --format F              stylish (default), json, sarif, junit, github or gitlab (Code Quality)
  --output FILE           write the report to FILE instead of standard output
  --fix                   apply every automatic fix, write the files, report what remains
  --today YYYY-MM-DD      the date for review and expiry checks (default: the config's today, else today)
  --changed-since REF     check only the files changed since the git revision REF (untracked
                          ones too) and the documents whose findings they can change; the
                          others are indexed from their frontmatter
  --base REF              compare with this git revision: the change-discipline rules
                          (version-not-bumped, approval-stale) run only with a base
  --max-warnings N        exit 1 when there are more than N warnings
  --quiet                 report errors only
  --cache                 reuse the analysis of unchanged files (.clausewise-cache)
  --cache-location P      where the cache file lives
${setOptionLines(23)}
  --debug                 show stack traces of internal errors

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings,
2 usage, configuration, catalog or git error.`;

const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'gitlab'] as const;
type Format = (typeof FORMATS)[number];

/** `clausewise check`: returns 0 clean, 1 errors (or too many warnings), 2 usage/config errors. */
export async function checkCommand(args: string[], output: Output = stdoutOutput()): Promise<number> {
  const parsed = commandArgs(args, checkUsage, output, {
    format: { type: 'string', short: 'f', default: 'stylish' },
    output: { type: 'string', short: 'o' },
    fix: { type: 'boolean' },
    today: { type: 'string' },
    ...SET_OPTIONS,
    'max-warnings': { type: 'string' },
    base: { type: 'string' },
    'changed-since': { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    cache: { type: 'boolean' },
    'cache-location': { type: 'string' },
  });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const format = oneOf(values.format!, FORMATS);
  checkToday(values.today);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) throw new UsageError(`--max-warnings takes a whole number, not "${values['max-warnings']}"`);
  if (values['cache-location'] && !values.cache) throw new UsageError('--cache-location goes with --cache');

  const cwd = process.cwd();
  const sets = commandSets(cwd, values);
  const { resolver } = sets;
  const inputs = inputsOf(positionals, cwd, sets);
  const { roots } = inputs;
  const changed = values['changed-since'] === undefined ? undefined : changedSelection(cwd, values['changed-since'], inputs.files, resolver);
  const files = changed?.check ?? inputs.files;
  if (changed && files.length === 0) process.stderr.write(`clausewise: no policy document changed since ${values['changed-since']}, and none depends on a change\n`);

  const cache = values.cache ? CheckCache.load(resolve(cwd, values['cache-location'] ?? '.clausewise-cache')) : undefined;
  const progress = progressReporter(files.length, 'clausewise: checking');
  const base = values.base === undefined ? undefined : openBase(cwd, values.base).revision;
  // The reports read positions only: without --fix, no file's text is kept once it is analysed.
  const options = { cwd, today: values.today, configFile: values.config, sets, cache, base, indexed: changed?.indexed, onProgress: progress?.update, dropTexts: !values.fix };
  let results: FileResult[];
  if (values.fix) {
    const outcome = await fixFiles(files, options, roots);
    progress?.done();
    results = outcome.results;
    for (const written of outcome.written) process.stderr.write(`clausewise: fixed ${displayPath(written.path, cwd)} (${written.fixes} ${written.fixes === 1 ? 'fix' : 'fixes'})\n`);
    for (const { path, reason } of outcome.refused) process.stderr.write(`clausewise: ${displayPath(path, cwd)}: not fixed: ${reason}\n`);
    if (outcome.refused.length) process.exitCode = 1;
  } else {
    results = (await checkFiles(files, options)).results;
    progress?.done();
  }
  try {
    cache?.save();
  } catch (error) {
    // The findings stand without it; the next run simply parses everything again.
    process.stderr.write(`clausewise: cannot write the cache ${displayPath(cache!.file, cwd)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the next run starts without it\n`);
  }

  const shown = values.quiet ? results.map((result) => ({ ...result, findings: result.findings.filter((finding) => finding.severity === 'error') })) : results;
  const report = render(format, shown, cwd, values.output ? { color: false } : output);
  if (values.output) writeChunks(resolve(cwd, values.output), report);
  else for (const chunk of report) output.write(chunk);

  const errors = shown.reduce((sum, result) => sum + result.findings.filter((finding) => finding.severity === 'error').length, 0);
  const warnings = results.reduce((sum, result) => sum + result.findings.filter((finding) => finding.severity === 'warning').length, 0);
  if (errors > 0 || process.exitCode === 1) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`clausewise: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** The report in the pieces it is written in: the stylish and JSON ones a file at a time, the others whole. */
function render(format: Format, results: FileResult[], cwd: string, output: Pick<Output, 'color'>): Iterable<string> {
  switch (format) {
    case 'json': return jsonChunks(results, cwd);
    case 'sarif': return [formatSarif(results, cwd)];
    case 'junit': return [formatJunit(results, cwd)];
    case 'github': return [formatGithub(results, cwd)];
    case 'gitlab': return [formatGitlab(results, cwd)];
    default: return stylishChunks(results, output, cwd);
  }
}

function writeChunks(path: string, chunks: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    // Given a descriptor, writeFileSync writes at the current position, all of the chunk.
    for (const chunk of chunks) writeFileSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

