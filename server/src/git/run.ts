import { spawnSync } from 'node:child_process';

/** A git command that failed, or a revision that cannot be used: the CLI reports it and exits 2. */
export class GitError extends Error {
  constructor(
    message: string,
    /** What the user can do about it. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

/** Output a listing (ls-tree, diff --name-status) may produce before it is refused. */
const MAX_LISTING_BYTES = 64 * 1024 * 1024;

// A repository is data, never code: its config could name an fsmonitor hook, an external diff or a
// textconv filter that git would run. Prompts for credentials would hang a pipeline.
const SAFE = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', 'diff.external=', '--no-pager'];
const ENV = { GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };

/**
 * Runs the machine's git with an argument array (never a shell) and returns its standard output.
 * Throws GitError with git's own message when it fails, or when it writes more than `maxBytes`.
 */
export function git(cwd: string, args: string[], options: { input?: string; maxBytes?: number; allowFailure?: boolean } = {}): { ok: boolean; stdout: Buffer; stderr: string } {
  const result = spawnSync('git', [...SAFE, ...args], {
    cwd,
    input: options.input,
    maxBuffer: options.maxBytes ?? MAX_LISTING_BYTES,
    env: { ...process.env, ...ENV },
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new GitError('git is not installed (or not on PATH)', 'install git; Clausewise reads past revisions through it');
    if (code === 'ENOBUFS') throw new GitError(`git ${args[0]} wrote more than Clausewise reads (${Math.round((options.maxBytes ?? MAX_LISTING_BYTES) / 1048576)} MB)`, 'name fewer paths');
    throw new GitError(`git ${args[0]} failed (${code ?? result.error.message})`);
  }
  const stderr = result.stderr.toString('utf8').trim();
  const ok = result.status === 0;
  if (!ok && !options.allowFailure) throw new GitError(`git ${args[0]} failed: ${stderr.split('\n')[0] || `exit ${result.status}`}`);
  return { ok, stdout: result.stdout, stderr };
}

/** Standard output as text, without the final newline. */
export function gitText(cwd: string, args: string[]): string {
  return git(cwd, args).stdout.toString('utf8').replace(/\n$/, '');
}
