import { resolve } from 'node:path';
import { isCalendarDate } from '../config/duration';
import { ConfigResolver } from '../config/resolve';
import { PolicySet } from '../workspace/policySet';
import { discoverFiles } from './files';
import { UsageError } from './usageError';

/**
 * The Markdown files a command works on: the given paths and globs, else the config's include
 * globs, else the current folder; `.gitignore` and each walked folder's config `exclude` honoured.
 * Unreadable folders and link loops are reported on stderr.
 */
export function inputFiles(positionals: string[], cwd: string, resolver: ConfigResolver): string[] {
  const inputs = positionals.length > 0 ? positionals : defaultInputs(resolver, cwd);
  const discovery = discoverFiles(inputs, cwd, (dir) => {
    const { config, catalog } = resolver.forDirectory(dir);
    const set = new PolicySet(config, catalog);
    return (path) => set.isExcluded(path);
  });
  for (const problem of discovery.problems) process.stderr.write(`clausewise: ${problem} (skipped)\n`);
  if (discovery.files.length === 0) {
    throw new UsageError(`no Markdown files found in ${inputs.join(', ')}`, 'pass a folder that holds .md files, or check include and exclude in .clausewise.yaml');
  }
  return discovery.files;
}

function defaultInputs(resolver: ConfigResolver, cwd: string): string[] {
  const { config } = resolver.forDirectory(cwd);
  if (config.include.length === 0) return ['.'];
  return config.include.map((glob) => resolve(config.root, glob));
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
