import { spawnSync } from 'node:child_process';
import { cliPath, repoRoot } from './paths';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a real subprocess (no TTY, no colour). */
export function runCli(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string>; uid?: number; gid?: number; timeout?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    timeout: options.timeout ?? 60_000,
    uid: options.uid,
    gid: options.gid,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
