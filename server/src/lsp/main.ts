import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { version } from '../../../package.json';
import { logCollections } from './gcLog';
import { limitHeapGrowth } from './heapGrowth';
import { startServer } from './server';

const usage = `Usage: clausewise-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME

Starts the Clausewise language server (LSP 3.17) on the given transport. Editors start it
themselves; see the README section "Language server and editors".`;

const TRANSPORT = /^--(stdio|node-ipc|socket=\d+|pipe=.+)$/;

/** Starts the server, or prints usage (exit code 2) when no transport is named. */
function main(argv: string[]): void {
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${version}\n`);
    return;
  }
  if (argv.includes('--help') || argv.includes('-h') || !argv.some((arg) => TRANSPORT.test(arg))) {
    (argv.includes('--help') || argv.includes('-h') ? process.stdout : process.stderr).write(`${usage}\n`);
    if (!argv.includes('--help') && !argv.includes('-h')) process.exitCode = 2;
    return;
  }
  limitHeapGrowth();
  logCollections();
  const connection = createConnection(ProposedFeatures.all);
  // A bug must cost one answer, not the server: log it and keep serving.
  process.on('uncaughtException', (error) => connection.console.error(`Clausewise internal error: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`Clausewise internal error: ${(reason as Error)?.stack ?? String(reason)}`));
  startServer(connection);
}

main(process.argv.slice(2));
