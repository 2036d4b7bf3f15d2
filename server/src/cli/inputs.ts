import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import picomatch from 'picomatch';
import { builtInCatalogNames, builtInCatalogPath, isBuiltInCatalog } from '../catalog/builtIn';
import { isReallyInside, repositoryRoot } from '../files/confine';
import { isCalendarDate } from '../config/duration';
import { ConfigResolver } from '../config/resolve';
import { PolicySets } from '../engine/policySets';
import { discoverFiles } from './files';
import { UsageError } from './usageError';

/**
 * The Markdown files a command works on: the given paths and globs, else the config's include
 * globs, else the current folder; `.gitignore` and each walked folder's config `exclude` honoured.
 * Unreadable folders and link loops are reported on stderr. `roots` are the folders the command
 * may write in: each path or glob base walked (a named file's folder). Finding no file is a usage
 * error, unless `allowNone` (diff: a change may remove every document). The policy sets made
 * here to read each folder's `exclude` are the command's: it passes them on to checkFiles.
 */
export function inputsOf(positionals: string[], cwd: string, sets: PolicySets, options: { allowNone?: boolean } = {}): { files: string[]; roots: string[] } {
  const inputs = positionals.length > 0 ? positionals : defaultInputs(sets.resolver, cwd);
  const discovery = discoverFiles(inputs, cwd, (dir) => {
    const set = sets.forDirectory(dir);
    return (path) => set.isExcluded(path);
  });
  for (const problem of discovery.problems) process.stderr.write(`clausewise: ${problem} (skipped)\n`);
  if (discovery.files.length === 0 && !options.allowNone) {
    throw new UsageError(`no Markdown files found in ${inputs.join(', ')}`, 'pass a folder that holds .md files, or check include and exclude in .clausewise.yaml');
  }
  const roots = inputs.map((input) => {
    const root = resolve(cwd, picomatch.scan(input).base || '.');
    return existsSync(root) && statSync(root).isFile() ? dirname(root) : root;
  });
  return { files: discovery.files, roots };
}

/** The files of inputsOf, for the commands that write nothing. */
export function inputFiles(positionals: string[], cwd: string, sets: PolicySets): string[] {
  return inputsOf(positionals, cwd, sets).files;
}

/** The option naming a command's config file (parseArgs), for a command that takes no --catalog (migrate). */
export const CONFIG_OPTION = { config: { type: 'string', short: 'c' } } as const;

/** The options naming the config and catalog of the policy set a command reads: spread into each command's parseArgs. */
export const SET_OPTIONS = { ...CONFIG_OPTION, catalog: { type: 'string' } } as const;

/** SET_OPTIONS as a command's usage line writes them. */
export const SET_SYNOPSIS = '[--config FILE] [--catalog NAME|FILE]';

/**
 * SET_OPTIONS' lines in a command's list of options: each option padded to the command's `width`;
 * `config` says how the command reads --config (diff: on both sides), `catalog: false` leaves
 * --catalog out.
 */
export function setOptionLines(width: number, { config = 'use this config instead of the nearest .clausewise.yaml', catalog = true }: { config?: string; catalog?: boolean } = {}): string {
  const line = (option: string, text: string) => `  ${option.padEnd(width)} ${text}`;
  const lines = [line('--config FILE', config)];
  if (catalog) lines.push(line('--catalog NAME|FILE', 'use this catalog (iso27799-2016, iso27002-2022 or a file), whatever the configs name'));
  return lines.join('\n');
}

/**
 * The config resolver of a command: a config's `catalog` must lie inside the repository holding the
 * config (a cloned repository must not make Clausewise read /proc/self/environ), unless the user
 * named a catalog with --catalog, which then serves every document.
 */
function commandResolver(cwd: string, values: { config?: string; catalog?: string }): ConfigResolver {
  return new ConfigResolver(cwd, values.config, { confineToRepository: true, catalog: catalogOption(cwd, values.catalog) });
}

/** The policy sets of a command, over its resolver (commandResolver): listing the files and checking them share them. */
export function commandSets(cwd: string, values: { config?: string; catalog?: string }): PolicySets {
  return new PolicySets(commandResolver(cwd, values));
}

/** The file `--catalog` names: a built-in catalog by name (iso27002-2022), else a catalog file. */
export function catalogOption(cwd: string, catalog: string | undefined): string | undefined {
  if (catalog === undefined) return undefined;
  if (isBuiltInCatalog(catalog)) return builtInCatalogPath(catalog);
  if (!existsSync(resolve(cwd, catalog))) throw new UsageError(`no such catalog file: ${catalog}`, `name a catalog file, or a built-in catalog: ${builtInCatalogNames()}`);
  return resolve(cwd, catalog);
}

/** The config's include globs, less those reaching outside the config's repository (said on stderr). */
function defaultInputs(resolver: ConfigResolver, cwd: string): string[] {
  const { config } = resolver.forDirectory(cwd);
  if (config.include.length === 0) return ['.'];
  const repository = repositoryRoot(config.root);
  const inside = config.include.filter((glob) => {
    if (isReallyInside(resolve(config.root, picomatch.scan(glob).base || '.'), [repository])) return true;
    process.stderr.write(`clausewise: ${config.file}: include "${glob}" reaches outside the repository (${repository}); skipped. Name such files on the command line instead\n`);
    return false;
  });
  return inside.length > 0 ? inside.map((glob) => resolve(config.root, glob)) : ['.'];
}

/** Validates a --today value: a real calendar day, so 2026-02-31 is refused, not used for review dates. */
export function checkToday(today: string | undefined): void {
  if (today === undefined || isCalendarDate(today)) return;
  const hint = /^\d{4}-\d{2}-\d{2}$/.test(today) ? `${today} is not a day of the calendar` : undefined;
  throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${today}"`, hint);
}

/** Reads a count option such as --top. */
export function positiveInteger(option: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${option} takes a whole number of 1 or more, not "${text}"`);
  return value;
}
