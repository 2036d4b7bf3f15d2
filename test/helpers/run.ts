import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath, repoRoot } from './paths';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

let copiedCli: string | undefined;

/**
 * The CLI as another user can run it. The checkout may sit where only its owner may enter
 * (`/root/…`, a `mktemp -d` folder), so a run as another uid uses a copy of what the installed
 * package holds (dist, controls, package.json) in a folder everyone may read, made once per test file.
 */
function cliFor(uid: number | undefined): string {
  if (uid === undefined || uid === process.getuid?.()) return cliPath;
  if (!copiedCli) {
    const folder = mkdtempSync(join(tmpdir(), 'clausewise-cli-'));
    for (const part of ['dist', 'controls', 'package.json']) cpSync(join(repoRoot, part), join(folder, part), { recursive: true });
    chmodSync(folder, 0o755);
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
    copiedCli = join(folder, 'dist', 'cli.js');
  }
  return copiedCli;
}

/** Runs the built CLI as a real subprocess (no TTY, no colour). */
export function runCli(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string>; uid?: number; gid?: number; timeout?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, [cliFor(options.uid), ...args], {
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
