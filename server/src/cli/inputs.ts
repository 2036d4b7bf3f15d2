import { resolve } from 'node:path';
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
  if (discovery.files.length === 0) throw new UsageError(`no Markdown files found in ${inputs.join(', ')}`);
  return discovery.files;
}

function defaultInputs(resolver: ConfigResolver, cwd: string): string[] {
  const { config } = resolver.forDirectory(cwd);
  if (config.include.length === 0) return ['.'];
  return config.include.map((glob) => resolve(config.root, glob));
}

/** Validates a --today value. */
export function checkToday(today: string | undefined): void {
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${today}"`);
}
