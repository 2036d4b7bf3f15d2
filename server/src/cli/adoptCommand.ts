import { elementsFor } from '../config/elements';
import { readDocumentFile } from '../document/decode';
import { scalarField } from '../document/frontmatter';
import type { ParseLimits } from '../config/types';
import { parsePolicyDocument } from '../document/parse';
import type { PolicyDocument } from '../document/types';
import type { Control } from '../catalog/types';
import { ADOPTION_DEFAULTS, type FrontmatterProposal } from '../suggest/adoption';
import { FRONTMATTER_RULES, planAdoption } from '../suggest/adoptionPlan';
import { prependDiff } from '../suggest/prependDiff';
import { computeCoverage, type StateCounts } from '../model/coverage';
import { checkFiles } from '../engine/batch';
import { FileWriteError, replaceFile } from '../files/replaceFile';
import { headline } from '../report/coverage/common';
import { displayPath } from '../report/displayPath';
import { checkToday, commandSets, inputsOf, positiveInteger, SET_OPTIONS, SET_SYNOPSIS, setOptionLines } from './inputs';
import { stdoutOutput, type Output } from './terminal';
import { UsageError } from './usageError';
import { withBom } from '../text/bom';
import { commandArgs } from './commandArgs';

const adoptUsage = `Usage: clausewise adopt DIR… [--write] [--min-score S] [--top N] [--today YYYY-MM-DD] ${SET_SYNOPSIS}

Proposes draft frontmatter for every Markdown file that has none: id from the file name, title
from the level-1 heading, type guessed from name and headings, status: draft, owner: TODO,
version 0.1.0 and the clauses \`clausewise suggest\` finds in the text. Without --write the
proposals are printed as a unified diff and nothing changes. With --write each file is written
atomically with the block prepended and its existing text kept byte for byte. Files that already
have frontmatter are never touched. Ends with a summary and the coverage the set would have.

Options:
  --write           write the frontmatter into the files
  --min-score S     claim only controls scoring S or more, from 0 to 1 (default ${ADOPTION_DEFAULTS.minScore})
  --top N           claim at most N controls per document (default ${ADOPTION_DEFAULTS.top})
  --today DATE      the date for the coverage summary (default: the config's today, else today)
${setOptionLines(17)}

Exit codes: 0 done (files skipped included), 1 a file could not be written, 2 usage error.`;


interface Candidate {
  path: string;
  /** The bytes read, and their text with any byte-order mark; undefined when the file could not be read cleanly. */
  bytes?: Buffer;
  text?: string;
  document?: PolicyDocument;
  proposal?: FrontmatterProposal;
  skipped?: string;
}

/** `clausewise adopt`: proposes (or with --write adds) draft frontmatter to untagged policies. */
export async function adoptCommand(args: string[], output: Output = stdoutOutput()): Promise<number> {
  const parsed = commandArgs(args, adoptUsage, output, {
    write: { type: 'boolean' },
    'min-score': { type: 'string', default: String(ADOPTION_DEFAULTS.minScore) },
    top: { type: 'string', default: String(ADOPTION_DEFAULTS.top) },
    today: { type: 'string' },
    ...SET_OPTIONS,
  });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const minScore = Number(values['min-score']);
  if (!/^\s*[\d.]+\s*$/.test(values['min-score']!) || !(minScore >= 0 && minScore <= 1)) throw new UsageError(`--min-score takes a number from 0 to 1, not "${values['min-score']}"`);
  const top = positiveInteger('--top', values.top!);
  checkToday(values.today);
  if (positionals.length === 0) throw new UsageError('adopt needs a folder of Markdown policies, for example: clausewise adopt policies/');

  const cwd = process.cwd();
  const sets = commandSets(cwd, values);
  const resolver = sets.resolver;
  const { files, roots } = inputsOf(positionals, cwd, sets);
  const candidates = files.map((path) => readCandidate(path, resolver.forDocument(path).config.limits));
  const takenIds = new Set(candidates.flatMap((candidate) => scalarField(candidate.document?.frontmatter, 'id')?.value ?? []));
  for (const candidate of candidates) {
    const document = candidate.document;
    if (candidate.skipped || !document) continue;
    const { config, catalog } = resolver.forDocument(candidate.path);
    const outcome = planAdoption(document, catalog, { minScore, top, elementsOf: (control: Control) => elementsFor(control, config), takenIds, requiredFields: config.requiredFields });
    if ('proposal' in outcome) candidate.proposal = outcome.proposal;
    else candidate.skipped = outcome.belowThreshold ? `${outcome.skipped}; lower --min-score, or add frontmatter by hand` : outcome.skipped;
  }

  // Every file read cleanly is checked from the text in hand (with its proposal, if any): read once.
  const check = (indexOnly = false) => {
    const texts = new Map(candidates.flatMap((candidate) => {
      const text = candidate.proposal?.text ?? candidate.text;
      return text === undefined ? [] : [[candidate.path, text] as const];
    }));
    return checkFiles(candidates.map((candidate) => candidate.path), { cwd, today: values.today, configFile: values.config, resolver, texts, parallel: false, indexOnly });
  };
  const byPath = new Map(candidates.map((candidate) => [candidate.path, candidate]));
  let checked = await check();
  // Proposals dropped after that check (rejected here, or not written below) must not count in the coverage.
  let dropped = false;
  for (const result of checked.results) {
    const candidate = byPath.get(result.path)!;
    const problem = candidate.proposal && result.findings.find((finding) => FRONTMATTER_RULES.has(finding.ruleId));
    if (!problem) continue;
    candidate.skipped = `the proposed frontmatter would not pass the check (${problem.ruleId}: ${problem.message}); not adopted`;
    candidate.proposal = undefined;
    dropped = true;
  }

  let failed = 0;
  for (const candidate of candidates.filter((entry) => entry.proposal)) {
    if (!values.write) {
      output.write(prependDiff(displayPath(candidate.path, cwd), candidate.proposal!.block, candidate.document!.text));
      continue;
    }
    const problem = writeProposal(candidate, roots);
    if (!problem) continue;
    failed++;
    candidate.skipped = problem;
    candidate.proposal = undefined;
    // It may have changed on disk: the check below reads it again.
    candidate.text = undefined;
  }
  // Only the coverage below reads this second check: the index is enough.
  if (dropped || failed > 0) checked = await check(true);
  const totals: StateCounts & { total: number } = { covered: 0, partial: 0, excluded: 0, gap: 0, total: 0 };
  for (const set of checked.sets.filter((entry) => entry.index.policies().length > 0)) {
    const report = computeCoverage(set.index, set.catalog, set.config, set.today(values.today));
    for (const key of ['covered', 'partial', 'excluded', 'gap', 'total'] as const) totals[key] += report.totals[key];
  }
  output.write(summary(candidates, cwd, values.write === true, totals));
  return failed > 0 ? 1 : 0;
}

function readCandidate(path: string, limits: ParseLimits): Candidate {
  const { text, problem, bytes } = readDocumentFile(path);
  if (problem) return { path, skipped: `${problem.message}; not adopted` };
  const document = parsePolicyDocument(path, text, undefined, limits);
  // Over the pre-scan's limits: nothing of it was read, so nothing could be suggested or kept.
  if (document.readProblem) return { path, skipped: `${document.readProblem.message}; not adopted` };
  // A file Clausewise or a project already owns is refused by planAdoption, with the others.
  return { path, bytes, text, document };
}

/** Writes one proposal unless the file changed since it was read; returns why it was not written. */
function writeProposal(candidate: Candidate, roots: string[]): string | undefined {
  const proposal = candidate.proposal!;
  const bytes = candidate.bytes!;
  const added = Buffer.byteLength(withBom(proposal.block, candidate.document!.bom));
  const next = Buffer.from(proposal.text);
  const bom = candidate.document!.bom ? 3 : 0;
  // The existing bytes must follow the new block unchanged; anything else is a bug, and nothing is written.
  if (!next.subarray(added).equals(bytes.subarray(bom))) return 'the body would not stay byte-identical; not written (please report this)';
  try {
    replaceFile(candidate.path, bytes, proposal.text, roots);
    return undefined;
  } catch (error) {
    if (error instanceof FileWriteError) return error.message;
    throw error;
  }
}

function summary(candidates: Candidate[], cwd: string, written: boolean, totals: StateCounts & { total: number }): string {
  const adopted = candidates.filter((candidate) => candidate.proposal);
  const skipped = candidates.filter((candidate) => candidate.skipped);
  const width = Math.max(0, ...candidates.map((candidate) => displayPath(candidate.path, cwd).length));
  const lines = [
    '',
    `clausewise adopt: ${adopted.length} ${adopted.length === 1 ? 'file' : 'files'} ${written ? 'adopted' : 'to adopt'}, ${skipped.length} skipped${written || adopted.length === 0 ? '' : ' (dry run: nothing written; add --write to write them)'}`,
  ];
  for (const candidate of adopted) {
    const proposal = candidate.proposal!;
    lines.push(`  ${written ? 'adopted' : 'adopt  '}  ${displayPath(candidate.path, cwd).padEnd(width)}  ${proposal.id} (${proposal.type}): ${proposal.clauses.join(', ')}`);
  }
  for (const candidate of skipped) lines.push(`  skipped  ${displayPath(candidate.path, cwd).padEnd(width)}  ${candidate.skipped}`);
  if (totals.total > 0) {
    lines.push(`coverage ${written ? 'of the set now' : 'the set would have'}: ${headline(totals)}${adopted.length ? ' (drafts count as partial until approved)' : ''}`);
  }
  if (adopted.length > 0) lines.push(`next: review each draft's clauses and owner, then run clausewise check ${written ? '' : 'after --write '}to see the sections each claimed control still needs`);
  return `${lines.join('\n')}\n`;
}
