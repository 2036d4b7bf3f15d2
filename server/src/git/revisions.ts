import { git, GitError, gitText } from './run';

/** The top folder of the git work tree holding `cwd`; GitError outside one. */
export function workTreeRoot(cwd: string): string {
  const result = git(cwd, ['rev-parse', '--show-toplevel'], { allowFailure: true });
  if (!result.ok) throw new GitError(`${cwd} is not inside a git work tree`, 'run Clausewise from a clone of the policy repository');
  return result.stdout.toString('utf8').replace(/\n$/, '');
}

/**
 * A revision the user named (--base, --head, --changed-since), as a commit id. A name starting with
 * `-` is refused before git sees it (it would read as an option); a commit missing from a shallow
 * clone is said so, with what to fetch.
 */
export function resolveCommit(root: string, ref: string, option: string): string {
  if (ref === '' || ref.startsWith('-') || /[\0\n\r]/.test(ref)) {
    throw new GitError(`${option} "${ref.replace(/[\0\n\r]/g, '?')}" is not a revision`, 'name a branch, tag or commit; a name cannot start with "-"');
  }
  const result = git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { allowFailure: true });
  if (result.ok) return result.stdout.toString('utf8').trim();
  if (isShallow(root)) {
    throw new GitError(
      `${option} ${ref} is not in this shallow clone`,
      `fetch it first: git fetch origin ${fetchable(ref)} (or git fetch --unshallow); in GitHub Actions give actions/checkout fetch-depth: 0, in GitLab CI set GIT_DEPTH: 0`,
    );
  }
  throw new GitError(`${option} ${ref} names no commit of this repository`, `name a branch, tag or commit (git fetch origin ${fetchable(ref)} if it lives only on the remote)`);
}

/**
 * The default base of a change: where HEAD left the default branch (origin's HEAD, else main or
 * master, local or on origin). GitError when there is no such branch or no common history.
 */
export function defaultBase(root: string): { commit: string; label: string } {
  const remoteHead = git(root, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], { allowFailure: true });
  const candidates = [remoteHead.ok ? remoteHead.stdout.toString('utf8').trim() : '', 'origin/main', 'origin/master', 'main', 'master'].filter(Boolean);
  const branch = candidates.find((name) => git(root, ['rev-parse', '--verify', '--quiet', `refs/remotes/${name}^{commit}`], { allowFailure: true }).ok || git(root, ['rev-parse', '--verify', '--quiet', `refs/heads/${name}^{commit}`], { allowFailure: true }).ok);
  if (!branch) throw new GitError('cannot tell the default branch to compare with', 'pass --base REF (the branch the change goes into, such as origin/main)');
  const base = git(root, ['merge-base', '--end-of-options', 'HEAD', branch], { allowFailure: true });
  if (!base.ok) {
    const hint = isShallow(root) ? 'this clone is shallow: fetch more history (git fetch --unshallow, or git fetch --deepen=50)' : `pass --base ${branch} to compare with the branch itself`;
    throw new GitError(`HEAD and ${branch} have no common commit here`, hint);
  }
  return { commit: base.stdout.toString('utf8').trim(), label: `merge base with ${branch}` };
}

/** A short name of a commit for reports (7 characters, as git prints them). */
export function shortCommit(root: string, commit: string): string {
  return gitText(root, ['rev-parse', '--short', commit]);
}

function isShallow(root: string): boolean {
  return git(root, ['rev-parse', '--is-shallow-repository'], { allowFailure: true }).stdout.toString('utf8').trim() === 'true';
}

/** The ref as `git fetch` takes it: origin/main is fetched as main. */
function fetchable(ref: string): string {
  return ref.replace(/^(?:refs\/remotes\/)?origin\//, '');
}
