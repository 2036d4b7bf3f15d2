import { elementsFor } from '../config/elements';
import { readDocumentFile } from '../document/decode';
import { listItems } from '../document/frontmatter';
import { parsePolicyDocument } from '../document/parse';
import { suggestClauses } from '../suggest/rank';
import type { ClauseSuggestion } from '../suggest/types';
import { displayPath } from '../report/displayPath';
import { commandSets, inputFiles, positiveInteger, SET_OPTIONS, SET_SYNOPSIS, setOptionLines } from './inputs';
import { paint, stdoutOutput, wrap, type Output } from './terminal';
import { oneOf, UsageError } from './usageError';
import { commandArgs } from './commandArgs';

const suggestUsage = `Usage: clausewise suggest FILE… [--top N] [--format table|json] ${SET_SYNOPSIS}

Ranks the catalog's controls by how well each document addresses them (headings matching
elements, citations, shared terms), with the reasons, and marks the controls it already claims.
Offline and deterministic.

Options:
  --top N            show the N best controls per document (default 10)
  --format F         table (default) or json
${setOptionLines(18, { config: 'use this config (its element aliases) instead of the nearest .clausewise.yaml' })}`;

const FORMATS = ['table', 'json'] as const;

interface FileSuggestions {
  path: string;
  suggestions: ClauseSuggestion[];
  /** Claimed ids that are not in the shown list, with their rank (undefined: no evidence at all). */
  claimedElsewhere: { id: string; rank?: number; score?: number }[];
}

/** `clausewise suggest`: prints ranked clause suggestions per document; exit 0, or 2 on usage errors. */
export function suggestCommand(args: string[], output: Output = stdoutOutput()): number {
  const parsed = commandArgs(args, suggestUsage, output, {
    top: { type: 'string', default: '10' },
    format: { type: 'string', short: 'f', default: 'table' },
    ...SET_OPTIONS,
  });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const format = oneOf(values.format!, FORMATS);
  const top = positiveInteger('--top', values.top!);
  if (positionals.length === 0) throw new UsageError('suggest needs at least one Markdown file, for example: clausewise suggest policies/access.md');
  const cwd = process.cwd();
  const sets = commandSets(cwd, values);
  const resolver = sets.resolver;
  const results: FileSuggestions[] = [];
  for (const path of inputFiles(positionals, cwd, sets)) {
    const { text, problem } = readDocumentFile(path);
    // Invalid UTF-8 is still read (lossily); a binary, oversized or unreadable file is not.
    if (problem && (problem.kind !== 'encoding' || text === '')) {
      process.stderr.write(`clausewise: ${displayPath(path, cwd)}: ${problem.message} (skipped)\n`);
      continue;
    }
    const { config, catalog } = resolver.forDocument(path);
    const document = parsePolicyDocument(path, text, problem, config.limits);
    if (document.readProblem?.kind === 'too-complex') {
      process.stderr.write(`clausewise: ${displayPath(path, cwd)}: ${document.readProblem.message} (skipped)\n`);
      continue;
    }
    const ranked = suggestClauses(document, catalog, { elementsOf: (control) => elementsFor(control, config) });
    const shown = ranked.slice(0, top);
    const claimed = new Set(listItems(document.frontmatter, 'clauses').flatMap((item) => catalog.control(item.source)?.id ?? []));
    const claimedElsewhere = [...claimed]
      .filter((id) => !shown.some((suggestion) => suggestion.control.id === id))
      .map((id) => {
        const rank = ranked.findIndex((suggestion) => suggestion.control.id === id);
        return rank < 0 ? { id } : { id, rank: rank + 1, score: ranked[rank]!.score };
      });
    results.push({ path, suggestions: shown, claimedElsewhere });
  }
  output.write(format === 'json' ? renderJson(results, cwd) : renderTable(results, cwd, output));
  return 0;
}

function renderTable(results: FileSuggestions[], cwd: string, out: Output): string {
  const lines: string[] = [];
  for (const result of results) {
    lines.push(paint(out, 'bold', displayPath(result.path, cwd)));
    if (result.suggestions.length === 0) lines.push('  no control of the catalog matches this text');
    result.suggestions.forEach((suggestion, index) => {
      const claimed = suggestion.claimed ? paint(out, 'green', '  [claimed]') : '';
      lines.push(`  ${String(index + 1).padStart(2)}. ${suggestion.control.id.padEnd(7)} ${suggestion.score.toFixed(2)}  ${suggestion.control.title}${claimed}`);
      for (const reason of suggestion.reasons) lines.push(paint(out, 'gray', wrap(reason.text, out.width, '               ')));
    });
    for (const entry of result.claimedElsewhere) {
      const where = entry.rank === undefined ? 'no evidence in the text' : `rank ${entry.rank}, score ${entry.score!.toFixed(2)}`;
      lines.push(paint(out, 'yellow', `  claims ${entry.id} too (${where})`));
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

function renderJson(results: FileSuggestions[], cwd: string): string {
  const files = results.map((result) => ({
    path: displayPath(result.path, cwd),
    suggestions: result.suggestions.map((suggestion) => ({
      clause: suggestion.control.id,
      title: suggestion.control.title,
      score: Math.round(suggestion.score * 1000) / 1000,
      claimed: suggestion.claimed,
      reasons: suggestion.reasons,
    })),
    claimedNotShown: result.claimedElsewhere.map((entry) => ({ clause: entry.id, rank: entry.rank ?? null })),
  }));
  return `${JSON.stringify({ version: 1, files }, null, 2)}\n`;
}
