/**
 * The CI recipes of the README, run as written: each test reads its recipe from README.md, puts
 * the repository in the shape the platform's checkout leaves it (a clone with the target branch),
 * and runs the recipe's shell steps with bash. `npx clausewise` runs the built CLI; the platform
 * programs that post comments (`gh`, `curl`) are stand-ins on PATH that record what they were asked.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GitRepo } from '../helpers/gitRepo';
import { cliPath, repoRoot } from '../helpers/paths';

function recipe(name: string): Record<string, any> {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const match = new RegExp(`<!-- recipe: ${name} -->\\n\`\`\`yaml\\n([^]*?)\\n\`\`\``).exec(readme);
  expect(match, `README.md has no recipe ${name}`).not.toBeNull();
  return parse(match![1]!);
}

/** An upstream repository: the sample policies on main, and a branch that edits an approved policy without a new version. */
function upstream(): GitRepo {
  const repo = new GitRepo({}, { copy: { policies: join(repoRoot, 'samples') } });
  rmSync(repo.path('policies/with-problems'), { recursive: true });
  repo.commit('policies');
  repo.git('checkout', '-q', '-b', 'change');
  const path = repo.path('policies/backup-procedure.md');
  repo.write({ 'policies/backup-procedure.md': readFileSync(path, 'utf8').replace(/\n## /, '\nBackups of the imaging archive are also copied to tape each month.\n\n## ') });
  repo.commit('edit an approved policy');
  repo.git('checkout', '-q', 'main');
  return repo;
}

/** Programs that stand in for the platform: each logs its arguments (one per line) and answers from a state file. */
function standIns(): { bin: string; log: string } {
  const bin = mkdtempSync(join(tmpdir(), 'clausewise-bin-'));
  const log = join(bin, 'calls.log');
  const script = (body: string) => `#!/bin/bash\nprintf '%s\\n' "$(basename "$0") $*" >> "${log}"\n${body}\n`;
  // gh: the comment list answers with the id of a comment posted before (state file), else nothing.
  writeFileSync(join(bin, 'gh'), script(`if [[ "$*" == *--paginate* ]]; then cat "${bin}/posted" 2>/dev/null; fi\nif [[ "$*" == *"--method POST"* ]]; then echo 4242 > "${bin}/posted"; fi`));
  writeFileSync(join(bin, 'curl'), script(''));
  for (const name of ['gh', 'curl']) chmodSync(join(bin, name), 0o755);
  return { bin, log };
}

/** Runs a step's shell text as the platform does (bash -e, or GitLab's `set -eo pipefail`). */
function shell(script: string, cwd: string, env: Record<string, string>): { code: number; stdout: string; stderr: string } {
  const text = script.replaceAll('npx clausewise', `node '${cliPath}'`);
  const result = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', text], { cwd, env: { ...process.env, ...GitRepo.env, NO_COLOR: '1', ...env }, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('README recipes', () => {
  it('GitHub Actions: SARIF for code scanning, and the change report posted on the pull request, then updated in place', () => {
    const workflow = recipe('github-actions');
    const origin = upstream();
    // actions/checkout with fetch-depth: 0 on a pull request: the merge of the branch into its target.
    const checkout = GitRepo.clone(origin);
    checkout.git('checkout', '-q', '--detach', 'origin/main');
    checkout.git('merge', '-q', '--no-ff', '-m', 'Merge change into main', 'origin/change');
    const headSha = checkout.git('rev-parse', 'origin/change').trim();
    const { bin, log } = standIns();
    const output = join(bin, 'github-output');
    const expressions: Record<string, string> = {
      'github.base_ref': 'main', 'github.server_url': 'https://github.com', 'github.repository': 'lvh/policies',
      'github.event.pull_request.head.sha': headSha, 'github.event.pull_request.number': '7', 'github.token': 'test-token',
    };
    const expand = (text: string) => text.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => {
      if (name === 'steps.diff.outputs.code') return /code=(\d+)/.exec(readFileSync(output, 'utf8'))![1]!;
      expect(expressions, `the test knows ${name}`).toHaveProperty([name]);
      return expressions[name]!;
    });
    const runSteps = (job: string) => workflow.jobs[job].steps.filter((step: { run?: string }) => step.run).map((step: { run: string; env?: Record<string, string> }) => {
      const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, expand(value)]));
      return shell(expand(step.run), checkout.root, { ...env, GITHUB_OUTPUT: output, PATH: `${bin}:${process.env.PATH}` });
    });

    expect(workflow.jobs.diff.steps.find((step: { uses?: string }) => step.uses?.startsWith('actions/checkout')).with['fetch-depth']).toBe(0);
    const [check] = runSteps('check');
    expect(check!.code, check!.stderr).toBe(0);
    const sarif = JSON.parse(readFileSync(checkout.path(workflow.jobs.check.steps.find((step: { uses?: string }) => step.uses?.includes('upload-sarif')).with.sarif_file), 'utf8'));
    expect(sarif.version).toBe('2.1.0');

    const [diff, post, exit] = runSteps('diff');
    expect(diff!.code, diff!.stderr).toBe(0);
    const comment = readFileSync(checkout.path('clausewise-comment.md'), 'utf8');
    expect(comment.split('\n').slice(0, 2)).toEqual(['<!-- clausewise-diff -->', '**Clausewise:** 1 approved policy changed without a new version, 1 approved policy changed without a new approval, 2 new findings (1 error).']);
    expect(comment).toContain(`](https://github.com/lvh/policies/blob/${headSha}/policies/backup-procedure.md#L`);
    expect(post!.code, post!.stderr).toBe(0);
    expect(exit!.code).toBe(1);
    // A new push: the same steps find the comment posted the first time and update it.
    runSteps('diff');
    const calls = readFileSync(log, 'utf8').trim().split('\n').filter((line) => !line.includes('--paginate'));
    expect(calls).toEqual([
      'gh api --method POST repos/lvh/policies/issues/7/comments -F body=@clausewise-comment.md',
      'gh api --method PATCH repos/lvh/policies/issues/comments/4242 -F body=@clausewise-comment.md',
    ]);
  });

  it('GitLab CI: a Code Quality report, and the change report posted as a merge-request note', () => {
    const pipeline = recipe('gitlab-ci');
    const origin = upstream();
    // The runner's clone of the merge request's source branch; the recipe fetches the target itself.
    const checkout = GitRepo.clone(origin, '--single-branch', '--branch', 'change');
    checkout.git('checkout', '-q', '--detach');
    expect(() => checkout.git('rev-parse', '--verify', '-q', 'origin/main')).toThrow();
    const { bin, log } = standIns();
    const env = {
      PATH: `${bin}:${process.env.PATH}`, CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main', CI_PROJECT_URL: 'https://gitlab.example.org/lvh/policies',
      CI_COMMIT_SHA: checkout.git('rev-parse', 'HEAD').trim(), CI_API_V4_URL: 'https://gitlab.example.org/api/v4', CI_PROJECT_ID: '12', CI_MERGE_REQUEST_IID: '7', CLAUSEWISE_NOTE_TOKEN: 'test-token',
    };
    expect(pipeline['clausewise-diff'].variables.GIT_DEPTH).toBe(0);

    const check = shell(pipeline.clausewise.script.join('\n'), checkout.root, env);
    expect(check.code, check.stderr).toBe(0);
    const report = JSON.parse(readFileSync(checkout.path(pipeline.clausewise.artifacts.reports.codequality), 'utf8'));
    expect(Array.isArray(report)).toBe(true);
    // Without a base the change-discipline rules are silent: the diff job is where they speak.
    expect(report.map((issue: { check_name: string }) => issue.check_name)).not.toContain('version-not-bumped');

    const diff = shell(pipeline['clausewise-diff'].script.join('\n'), checkout.root, env);
    expect(diff.code, diff.stderr).toBe(1);
    const note = readFileSync(checkout.path('clausewise-diff.md'), 'utf8');
    expect(note.split('\n')[0]).toBe('**Clausewise:** 1 approved policy changed without a new version, 1 approved policy changed without a new approval, 2 new findings (1 error).');
    expect(readFileSync(log, 'utf8')).toContain('curl --fail --request POST --header PRIVATE-TOKEN: test-token --data-urlencode body@clausewise-diff.md https://gitlab.example.org/api/v4/projects/12/merge_requests/7/notes');
  });
});
