import { parseArgs } from 'node:util';
import { checkFiles, type FileResult } from './checkRun';
import { discoverFiles } from './files';
import { formatStylish } from './format/stylish';
import { formatJson } from './format/json';
import { stdoutOutput, type Output } from './terminal';
import { UsageError } from './usageError';
import { ConfigResolver } from '../config/resolve';
import { resolve } from 'node:path';
import { PolicySet } from '../workspace/policySet';

export const checkUsage = `Usage: clausewise check [paths|globs…] [options]

Checks policy documents: frontmatter, clause ids, baseline elements, reviews, exclusions, references.
With no paths: the config's include globs, else the current folder.

Options:
  --format stylish|json     output format (default stylish)
  --today YYYY-MM-DD        the date for review and expiry checks (default: today)
  --config FILE             use this config instead of the nearest .clausewise.yaml
  --max-warnings N          exit 1 when there are more than N warnings
  --quiet                   report errors only`;

const FORMATS = ['stylish', 'json'] as const;

/** `clausewise check`: returns 0 clean, 1 errors (or too many warnings), 2 usage/config errors. */
export function checkCommand(args: string[], output: Output = stdoutOutput()): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'stylish' },
      today: { type: 'string' },
      config: { type: 'string' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    output.write(`${checkUsage}\n`);
    return 0;
  }
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${values.format}"`, `formats: ${FORMATS.join(', ')}`);
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${values.today}"`);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) throw new UsageError(`--max-warnings takes a whole number, not "${values['max-warnings']}"`);
  const cwd = process.cwd();
  const inputs = positionals.length > 0 ? positionals : defaultInputs(cwd, values.config);
  const resolver = new ConfigResolver(cwd, values.config);
  const discovery = discoverFiles(inputs, cwd, (dir) => {
    const { config, catalog } = resolver.forDirectory(dir);
    const set = new PolicySet(config, catalog);
    return (path) => set.isExcluded(path);
  });
  for (const problem of discovery.problems) process.stderr.write(`clausewise: ${problem} (skipped)\n`);
  const { results } = checkFiles(discovery.files, { cwd, today: values.today, configFile: values.config });
  const shown: FileResult[] = values.quiet ? results.map((result) => ({ ...result, findings: result.findings.filter((finding) => finding.severity === 'error') })) : results;
  output.write(format === 'json' ? formatJson(shown, cwd) : formatStylish(shown, output, cwd));
  const errors = shown.reduce((sum, result) => sum + result.findings.filter((finding) => finding.severity === 'error').length, 0);
  const warnings = results.reduce((sum, result) => sum + result.findings.filter((finding) => finding.severity === 'warning').length, 0);
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`clausewise: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** The config's include globs (relative to the config's folder), else the current folder. */
function defaultInputs(cwd: string, configFile?: string): string[] {
  const { config } = new ConfigResolver(cwd, configFile).forDirectory(cwd);
  if (config.include.length === 0) return ['.'];
  return config.include.map((glob) => resolve(config.root, glob));
}
