import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { computeCoverage, type CoverageState } from '../model/coverage';
import { hasExpiredExclusion } from '../model/coverageViews';
import { checkFiles } from '../engine/batch';
import { coverageInput, type CoverageInput } from '../report/coverage/common';
import { displayPath } from '../report/displayPath';
import { coverageJson } from '../report/coverage/json';
import { REPORT_FORMATS, renderCoverage, type ReportFormat } from '../report/coverage/render';
import { formatCoverageTable } from './format/coverageTable';
import { isSoaFormat, renderSoa, soaInput, SOA_FORMATS, type SoaFormat } from '../report/soa/render';
import { checkToday, commandSets, inputFiles, SET_OPTIONS, setOptionLines } from './inputs';
import { stdoutOutput, type Output } from './terminal';
import { listOf, oneOf, UsageError } from './usageError';
import { commandArgs } from './commandArgs';

const coverageUsage = `Usage: clausewise coverage [paths…] [options]

Reports, for every control of the catalog, whether the policy documents cover it (claimed by an
approved, current document with every element), partly cover it, validly exclude it, or leave a gap.

Options:
  --format F              table (default), markdown, html, csv or json; or the Statement of
                          Applicability from the SoA document (type: soa): soa-xlsx, soa-csv,
                          soa-md or soa-html (soa-xlsx needs --output)
  --output FILE           write the report to FILE instead of standard output
  --min PERCENT           exit 1 when less than PERCENT of the applicable controls are covered
  --fail-on STATES        exit 1 when any control is in one of these states:
                          gap, partial, expired-exclusion (comma-separated)
  --today YYYY-MM-DD      the date for review and expiry decisions (default: the config's today, else today)
${setOptionLines(23)}

Exit codes: 0 the gates pass, 1 a --min or --fail-on gate fails, 2 usage, configuration or catalog error.`;

const GATES = ['gap', 'partial', 'expired-exclusion'] as const;

/** The formats `clausewise coverage --format` writes: the terminal table, then the report module's files. */
const COVERAGE_FORMATS = ['table', ...REPORT_FORMATS] as const;
type CoverageFormat = (typeof COVERAGE_FORMATS)[number];

/** `clausewise coverage`: the coverage report and its gates. */
export async function coverageCommand(args: string[], output: Output = stdoutOutput()): Promise<number> {
  const parsed = commandArgs(args, coverageUsage, output, {
    format: { type: 'string', short: 'f', default: 'table' },
    output: { type: 'string', short: 'o' },
    min: { type: 'string' },
    'fail-on': { type: 'string' },
    today: { type: 'string' },
    ...SET_OPTIONS,
  });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const format = oneOf<CoverageFormat | SoaFormat>(values.format!, [...COVERAGE_FORMATS, ...SOA_FORMATS]);
  if (format === 'soa-xlsx' && !values.output) throw new UsageError('soa-xlsx writes a binary workbook, not text for the terminal', 'name the file: --output soa.xlsx');
  checkToday(values.today);
  const min = values.min === undefined ? undefined : Number(values.min.replace(/%$/, ''));
  if (min !== undefined && (!Number.isFinite(min) || min < 0 || min > 100)) throw new UsageError(`--min takes a percentage from 0 to 100, not "${values.min}"`);
  const gates = listOf('--fail-on', values['fail-on'], GATES, 'states');

  const cwd = process.cwd();
  const policySets = commandSets(cwd, values);
  const files = inputFiles(positionals, cwd, policySets);
  const { sets } = await checkFiles(files, { cwd, today: values.today, configFile: values.config, sets: policySets, indexOnly: true, dropTexts: true });
  const withPolicies = sets.filter((set) => set.index.policies().length > 0);
  if (withPolicies.length === 0) throw noPolicies(positionals, files.length);
  const inputs = withPolicies.map((set) => coverageInput(computeCoverage(set.index, set.catalog, set.config, set.today(values.today)), set.index.policies(), set.catalog, set.config, cwd));

  const outputDir = values.output ? dirname(resolve(cwd, values.output)) : cwd;
  const render = (input: CoverageInput): string => (format === 'table' ? formatCoverageTable(input, values.output ? { color: false } : output) : renderCoverage(format as ReportFormat, input, outputDir));
  let report: string | Buffer;
  if (isSoaFormat(format)) {
    if (inputs.length > 1) throw new UsageError(`the documents belong to ${inputs.length} policy sets (different .clausewise.yaml files); export one set's Statement of Applicability at a time`);
    report = await renderSoa(format, soaInput(inputs[0]!, withPolicies[0]!.index, (message) => process.stderr.write(`clausewise: ${message}\n`)));
  } else if (inputs.length === 1) report = render(inputs[0]!);
  else if (format === 'json') report = `${JSON.stringify(inputs.map(coverageJson), null, 2)}\n`;
  else if (format === 'html' || format === 'csv') throw new UsageError(`the documents belong to ${inputs.length} policy sets (different .clausewise.yaml files); run coverage on one set at a time for ${format}`);
  else report = inputs.map(render).join('\n');
  if (values.output) writeFileSync(resolve(cwd, values.output), report);
  else output.write(report as string); // soa-xlsx, the one binary format, always has --output

  let failed = false;
  inputs.forEach((input, index) => {
    const { totals } = input.report;
    const where = inputs.length > 1 ? setName(withPolicies[index]!.config.file, cwd) : '';
    if (min !== undefined && totals.coveredPercent < min) {
      process.stderr.write(`clausewise: ${totals.coveredPercent.toFixed(1)} % of the applicable controls are covered, below --min ${min} %${where}\n`);
      failed = true;
    }
    for (const gate of gates) {
      const hits = input.report.controls.filter((control) => (gate === 'expired-exclusion' ? hasExpiredExclusion(control, input.report.today) : control.state === (gate as CoverageState)));
      if (hits.length > 0) {
        process.stderr.write(`clausewise: ${hits.length} ${gate === 'expired-exclusion' ? 'controls with an expired exclusion' : `controls in state ${gate}`}${where}: ${hits.slice(0, 10).map((control) => control.id).join(', ')}${hits.length > 10 ? ', …' : ''}\n`);
        failed = true;
      }
    }
  });
  return failed ? 1 : 0;
}

/** Files were found but none is a policy document: say where, and how to make them ones. */
function noPolicies(positionals: string[], files: number): UsageError {
  const searched = positionals.length > 0 ? positionals.join(', ') : 'the current folder';
  return new UsageError(
    `no policy documents found in ${searched} (${files} Markdown ${files === 1 ? 'file' : 'files'}, none with Clausewise frontmatter or matched by include in .clausewise.yaml)`,
    `to draft frontmatter for them, run: clausewise adopt ${positionals.join(' ') || '.'}`,
  );
}

/** " (policy set of a/.clausewise.yaml)": with several sets, which one a failed gate is about. */
function setName(configFile: string | undefined, cwd: string): string {
  return configFile ? ` (policy set of ${displayPath(configFile, cwd)})` : ' (files with no .clausewise.yaml)';
}
