import { DataFileError, formatProblem } from '../yaml/problem';
import { checkCommand } from './checkCommand';
import { coverageCommand } from './coverageCommand';
import { diffCommand } from './diffCommand';
import { GitError } from '../git/run';
import { adoptCommand } from './adoptCommand';
import { migrateCommand } from './migrateCommand';
import { explainCommand } from './explainCommand';
import { suggestCommand } from './suggestCommand';
import { traceCommand } from './traceCommand';
import { UsageError } from './usageError';
import { threadSettingProblem } from '../engine/workerPool';
import { ReportError } from '../report/reportError';
import { version } from '../../../package.json';

const usage = `Usage: clausewise <command> [options]

Commands:
  check [paths…]      check policy documents and report findings (exit 1 on errors)
  coverage [paths…]   coverage of every control and the Statement of Applicability
  diff [paths…]       what a change (a branch, a pull request) does to compliance
  trace <id|document> the traceability chain of one control or one document
  explain <id>        print a control of the catalog: guidance, baseline elements, mappings
  suggest FILE…       rank the controls a document addresses, with the reasons
  adopt DIR           propose (--write: add) draft frontmatter for untagged policies
  migrate --to iso27002-2022 [paths…]  carry a set's ids to ISO/IEC 27002:2022 (--write: rewrite them)

Run clausewise <command> --help for a command's options. Exit codes: 0 success, 1 findings or a
failed gate, 2 usage, configuration or catalog error.`;

type Command = (args: string[]) => number | Promise<number>;
const commands: Record<string, Command> = {
  check: checkCommand,
  coverage: coverageCommand,
  diff: diffCommand,
  trace: traceCommand,
  explain: explainCommand,
  suggest: suggestCommand,
  adopt: adoptCommand,
  migrate: migrateCommand,
};

/** Runs the CLI and returns its exit code: 0 clean, 1 findings at error level, 2 usage/config/catalog error. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((arg) => arg !== '--debug');
  const [name, ...rest] = args;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      process.stdout.write(`${usage}\n`);
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      process.stdout.write(`${version}\n`);
      return 0;
    }
    const threads = threadSettingProblem();
    if (threads) throw new UsageError(threads);
    const command = commands[name];
    if (!command) throw new UsageError(`unknown command "${name}"`, `commands: ${Object.keys(commands).join(', ')}`);
    return await command(rest);
  } catch (error) {
    return report(error, debug);
  }
}

function report(error: unknown, debug: boolean): number {
  if (error instanceof UsageError || error instanceof GitError || error instanceof ReportError) {
    process.stderr.write(`clausewise: ${error.message}\n${error.hint ? `  ${error.hint}\n` : ''}`);
  } else if (error instanceof DataFileError) {
    process.stderr.write(`clausewise: the ${error.kind} cannot be used:\n${error.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}\n`);
  } else if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`clausewise: ${(error as Error).message}\n  run clausewise --help for the options\n`);
  } else {
    process.stderr.write(`clausewise: internal error: ${(error as Error).message ?? String(error)}\n`);
    if (!debug) process.stderr.write('  run again with --debug for details, and please report it\n');
  }
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return 2;
}

if (require.main === module) {
  // A reader that stops early (`clausewise check | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
