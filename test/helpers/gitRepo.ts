import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFiles } from './tempWorkspace';

// Fixed names and dates: the same script makes the same commits, so reports naming them are stable.
const ENV = {
  GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z', GIT_CONFIG_NOSYSTEM: '1', HOME: tmpdir(),
};

/** A real git repository in a temporary folder, changed by a test step by step. */
export class GitRepo {
  readonly root: string;

  constructor(files: Record<string, string> = {}, options: { copy?: Record<string, string>; cloneOf?: { repo: GitRepo; args: string[] } } = {}) {
    this.root = mkdtempSync(join(tmpdir(), 'clausewise-git-'));
    if (options.cloneOf) {
      execFileSync('git', ['clone', '-q', ...options.cloneOf.args, `file://${options.cloneOf.repo.root}`, this.root], { env: { ...process.env, ...ENV } });
      return;
    }
    this.git('init', '-q', '-b', 'main');
    for (const [to, from] of Object.entries(options.copy ?? {})) cpSync(from, join(this.root, to), { recursive: true });
    this.write(files);
  }

  /** A clone of `repo` (`git clone ARGS file://…`), as a CI runner makes one. */
  static clone(repo: GitRepo, ...args: string[]): GitRepo {
    return new GitRepo({}, { cloneOf: { repo, args } });
  }

  /** The environment git runs with here: fixed names and dates. */
  static readonly env = ENV;

  /** Runs git in the repository (argument array, no shell) and returns its output. */
  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.root, env: { ...process.env, ...ENV }, encoding: 'utf8' });
  }

  write(files: Record<string, string>): this {
    writeFiles(this.root, files);
    return this;
  }

  remove(...paths: string[]): this {
    for (const path of paths) rmSync(join(this.root, path));
    return this;
  }

  /** Stages everything and commits; returns the commit id. */
  commit(message: string): string {
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  path(...parts: string[]): string {
    return join(this.root, ...parts);
  }
}
