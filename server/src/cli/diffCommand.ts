import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { compareSides, type ChangeSide } from '../change/compare';
import { CONFIG_FILE_NAMES } from '../config/types';
import type { ChangeReport } from '../change/types';
import { resolveCommit } from '../git/revisions';
import { RevisionTree } from '../git/tree';
import { DataFileError, formatProblem } from '../yaml/problem';
import { openBase, type ChangeBase } from './baseRevision';
import { checkFiles, type BatchOptions } from '../engine/batch';
import { formatDiffMarkdown } from './format/diff/markdown';
import { githubAnnotations } from './format/github';
import { gitlabCodeQuality } from './format/gitlab';
import { catalogOption, checkToday, commandSets, inputsOf, SET_OPTIONS, setOptionLines } from './inputs';
import { checkRevision, type CheckedSide } from './revisionCheck';
import { stdoutOutput, type Output } from './terminal';
import { listOf, oneOf } from './usageError';
import { commandArgs } from './commandArgs';

const diffUsage = `Usage: clausewise diff [paths…] [options]

Compares the policy set at two revisions and reports what the change does to compliance: documents
added, removed and renamed; claims, exclusions, elements and approval fields changed; each control's
coverage before and after; findings new in the head and findings resolved.

Options:
  --base REF              the revision to compare with (default: the merge base of HEAD and the
                          default branch: origin's HEAD, else main or master)
  --head REF              the revision to compare (default: the work tree)
  --format F              markdown (default; for a pull-request comment), json, github
                          (workflow annotations) or gitlab (Code Quality); the last two
                          carry the new findings only
  --output FILE           write the report to FILE instead of standard output
  --link-base URL         prefix of links to head lines in the markdown report
                          (such as https://github.com/ORG/REPO/blob/SHA/)
  --fail-on GATES         also exit 1 when: coverage-drop (a control loses coverage),
                          new-findings (any new finding); comma-separated
  --today YYYY-MM-DD      the date for review and expiry checks, on both sides
${setOptionLines(23, { config: "use this config on both sides instead of each side's .clausewise.yaml" })}

Exit codes: 0 no new error and the gates pass, 1 the change brings an error-level finding or
fails a gate, 2 usage, configuration or git error (a base missing from a shallow clone included).`;

const FORMATS = ['markdown', 'json', 'github', 'gitlab'] as const;
type Format = (typeof FORMATS)[number];
const GATES = ['coverage-drop', 'new-findings'] as const;

/** `clausewise diff`: returns 0, 1 when the change brings an error or fails a gate, 2 on usage, config or git errors. */
export async function diffCommand(args: string[], output: Output = stdoutOutput()): Promise<number> {
  const parsed = commandArgs(args, diffUsage, output, {
    base: { type: 'string' },
    head: { type: 'string' },
    format: { type: 'string', short: 'f', default: 'markdown' },
    output: { type: 'string', short: 'o' },
    'link-base': { type: 'string' },
    'fail-on': { type: 'string' },
    today: { type: 'string' },
    ...SET_OPTIONS,
  });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const format = oneOf(values.format!, FORMATS);
  checkToday(values.today);
  const gates = listOf('--fail-on', values['fail-on'], GATES, 'gates');

  const cwd = process.cwd();
  const report = await changeReport(cwd, positionals, values);
  const text = render(format, report, values['link-base']);
  if (values.output) writeFileSync(resolve(cwd, values.output), text);
  else output.write(text);

  if (report.summary.newErrors > 0) return 1;
  if (gates.includes('coverage-drop') && report.summary.controlsLosingCoverage > 0) return 1;
  if (gates.includes('new-findings') && report.summary.newFindings > 0) return 1;
  return 0;
}

function render(format: Format, report: ChangeReport, linkBase: string | undefined): string {
  switch (format) {
    case 'json': return `${JSON.stringify(report, null, 2)}\n`;
    case 'github': return githubAnnotations(report.findings.new);
    case 'gitlab': return gitlabCodeQuality(report.findings.new);
    default: return formatDiffMarkdown(report, { linkBase });
  }
}

interface DiffValues {
  base?: string;
  head?: string;
  today?: string;
  config?: string;
  catalog?: string;
}

/** Checks both sides with the one engine and compares them. */
async function changeReport(cwd: string, positionals: string[], values: DiffValues): Promise<ChangeReport> {
  const headCommit = values.head === undefined ? undefined : resolveCommit(cwd, values.head, '--head');
  const base = openBase(cwd, values.base, headCommit);
  const sets = commandSets(cwd, values);
  const policy = { confineToRepository: true, catalog: catalogOption(cwd, values.catalog) };
  const headTree = headCommit ? new RevisionTree(base.root, headCommit) : undefined;
  const head: CheckedSide = headTree
    ? await checkRevision(headTree, positionals, cwd, { today: values.today, policy, configFile: values.config, base: base.revision })
    : await checkFiles(inputsOf(positionals, cwd, sets, { allowNone: true }).files, { cwd, today: values.today, sets, base: base.revision });
  const notes: string[] = [];
  const baseSide = await checkBaseSide(base, positionals, cwd, values, policy, headTree, notes, unchangedAnalyses(base, head));
  const similarity = new Map(base.changes.filter((change) => change.similarity !== undefined).map((change) => [change.path, change.similarity!]));
  const sides: [ChangeSide, ChangeSide] = [
    { revision: { ref: base.ref, commit: base.commit }, ...baseSide },
    { revision: { ref: values.head ?? 'work tree', commit: headCommit ?? null }, ...head },
  ];
  const report = compareSides(sides[0], sides[1], base.renames, base.root, similarity);
  report.notes.push(...notes);
  return report;
}

/**
 * The base side, with its own configs. A base whose config cannot be used (the change may be what
 * mends it) is read with the head's configs instead, and the report says so.
 */
async function checkBaseSide(base: ChangeBase, positionals: string[], cwd: string, values: DiffValues, policy: { confineToRepository: boolean; catalog?: string }, headTree: RevisionTree | undefined, notes: string[], reuse: BatchOptions['reuse']): Promise<CheckedSide> {
  const options = { today: values.today, policy, configFile: values.config, reuse };
  try {
    return await checkRevision(base.tree, positionals, cwd, options);
  } catch (error) {
    if (!(error instanceof DataFileError)) throw error;
    const problems = error.problems.map((problem) => formatProblem({ ...problem, file: problem.file.startsWith(`${base.root}/`) ? `${base.ref}:${problem.file.slice(base.root.length + 1)}` : problem.file }));
    const note = `The base's ${error.kind} cannot be used (${problems.join('; ')}); the base was checked with the head's configuration.`;
    process.stderr.write(`clausewise: ${note}\n`);
    notes.push(note);
    return checkRevision(base.tree, positionals, cwd, { ...options, reuse: undefined, configsFrom: headTree ?? 'disk' });
  }
}

/**
 * The head's analyses of the files git sees unchanged, for the base side to take as they are (a
 * one-file change to 2,000 documents then parses one file twice, not 2,000). None when a config
 * file changed: the same text may then be checked differently.
 */
function unchangedAnalyses(base: ChangeBase, head: CheckedSide): BatchOptions['reuse'] {
  const touched = new Set(base.changes.flatMap((change) => [change.path, ...(change.from ? [change.from] : [])]));
  if ([...touched].some((path) => CONFIG_FILE_NAMES.includes(basename(path)))) return undefined;
  return new Map(head.results.filter((result) => !touched.has(result.path)).map((result) => [result.path, { text: result.document.text, analyzed: result.analyzed }]));
}

