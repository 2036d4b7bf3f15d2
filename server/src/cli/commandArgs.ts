import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Output } from './terminal';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h' } } as const;
type CommandConfig<T extends OptionsConfig> = { args: string[]; allowPositionals: true; options: T & typeof HELP };

/**
 * A command's options and positionals as parseArgs reads them, with `-h`/`--help` added to its
 * options; undefined when help was asked for, once the command's usage is written.
 */
export function commandArgs<const T extends OptionsConfig>(args: string[], usage: string, output: Output, options: T): ReturnType<typeof parseArgs<CommandConfig<T>>> | undefined {
  const parsed = parseArgs<CommandConfig<T>>({ args, allowPositionals: true, options: { ...options, ...HELP } });
  if (!(parsed.values as { help?: boolean }).help) return parsed;
  output.write(`${usage}\n`);
  return undefined;
}
