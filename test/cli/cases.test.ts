/**
 * CLI cases as data, like markdownlint-cli2's: arguments, working folder, expected exit code and
 * an expected output snapshot (test/cli/__snapshots__/<name>.txt). Each runs the built CLI as a
 * real subprocess.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths';
import { runCli } from '../helpers/run';
import { policyText, tempWorkspace } from '../helpers/tempWorkspace';

interface CliCase {
  name: string;
  args: string[];
  cwd?: string;
  code: number;
  /** Compare standard output with the snapshot file of this name. */
  snapshot?: boolean;
  stderr?: RegExp;
  env?: Record<string, string>;
}

const today = ['--today', '2026-12-01'];
const problems = 'samples/with-problems';

const cases: CliCase[] = [
  { name: 'samples-clean', args: ['check', 'samples', ...today], code: 0, snapshot: true },
  { name: 'stylish', args: ['check', problems, ...today], code: 1, snapshot: true },
  { name: 'json', args: ['check', problems, '--format', 'json', ...today], code: 1, snapshot: true },
  { name: 'sarif', args: ['check', problems, '--format', 'sarif', ...today], code: 1, snapshot: true },
  { name: 'junit', args: ['check', problems, '--format', 'junit', ...today], code: 1, snapshot: true },
  { name: 'github', args: ['check', problems, '--format', 'github', ...today], code: 1, snapshot: true },
  { name: 'quiet', args: ['check', problems, '--quiet', ...today], code: 1, snapshot: true },
  { name: 'warnings-only-pass', args: ['check', `${problems}/clinic-records-policy.md`, ...today], code: 0, snapshot: true },
  { name: 'warnings-over-limit', args: ['check', `${problems}/clinic-records-policy.md`, '--max-warnings', '0', ...today], code: 1, stderr: /1 warnings, more than --max-warnings 0/ },
  { name: 'glob', args: ['check', 'samples/with-problems/*-standard.md', ...today], code: 1, snapshot: true },
  { name: 'glob-no-match', args: ['check', 'samples/**/*.nothing.md'], code: 2, stderr: /no Markdown files match "samples\/\*\*\/\*\.nothing\.md"/ },
  { name: 'missing-path', args: ['check', 'no/such/folder'], code: 2, stderr: /no such file or folder: no\/such\/folder/ },
  { name: 'bad-format', args: ['check', problems, '--format', 'xml'], code: 2, stderr: /unknown format "xml"\n {2}formats: stylish, json, sarif, junit, github/ },
  { name: 'bad-today', args: ['check', problems, '--today', '1/12/2026'], code: 2, stderr: /--today must be a date written YYYY-MM-DD/ },
  { name: 'impossible-today', args: ['check', problems, '--today', '2026-02-31'], code: 2, stderr: /--today must be a date written YYYY-MM-DD, not "2026-02-31"\n {2}2026-02-31 is not a day of the calendar/ },
  { name: 'bad-option', args: ['check', '--frmat', 'json'], code: 2, stderr: /Unknown option '--frmat'/ },
  { name: 'broken-config', args: ['check', 'test/fixtures/configs/broken', ...today], code: 2, stderr: /the config cannot be used:\n {2}\S+broken\/\.clausewise\.yaml:2:3: "rules" has an unknown key "missing-elements" \(did you mean "missing-element"\?\)/ },
  { name: 'no-stack-trace', args: ['check', 'test/fixtures/configs/broken'], code: 2, stderr: /^(?![\s\S]*\n\s+at )/ },
  { name: 'help', args: ['check', '--help'], code: 0, snapshot: true },
  { name: 'bad-threads', args: ['check', problems, ...today], env: { CLAUSEWISE_THREADS: 'two' }, code: 2, stderr: /CLAUSEWISE_THREADS is "two": set it to a whole number of checking threads from 1 to 16, or unset it/ },
];

describe('clausewise check (CLI cases)', () => {
  it.each(cases)('$name', async ({ name, args, cwd, code, snapshot, stderr, env }) => {
    const result = runCli(args, { cwd: cwd ? join(repoRoot, cwd) : repoRoot, env });
    expect(result.code, result.stderr).toBe(code);
    if (stderr) expect(result.stderr).toMatch(stderr);
    // The SARIF base URI is where the checkout lives: the snapshot holds a placeholder.
    if (snapshot) await expect(result.stdout.replaceAll(pathToFileURL(`${repoRoot}/`).href, 'file:///CHECKOUT/')).toMatchFileSnapshot(`__snapshots__/${name}.txt`);
  });
});

describe('the config\'s today', () => {
  // Reviewed 2024-01-01 every 12 months: overdue by the real date, not by the config's today of 2024-06-01.
  const root = () => tempWorkspace({ '.clausewise.yaml': 'today: 2024-06-01\n', 'a.md': policyText('POL-A', 'last-reviewed: 2024-01-01\nreview-every: 12 months\n') });

  it('is the date check and coverage decide by, unless --today is given', () => {
    const cwd = root();
    expect(runCli(['check', '.', '--format', 'json'], { cwd }).stdout).not.toContain('review-overdue');
    expect(runCli(['check', '.', '--format', 'json', '--today', '2026-06-01'], { cwd }).stdout).toContain('review-overdue');
    expect(JSON.parse(runCli(['coverage', '.', '--format', 'json'], { cwd }).stdout).today).toBe('2024-06-01');
  });
});
