import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PolicySet } from '../engine/policySet';
import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { coverageInput } from '../report/coverage/common';
import { renderCoverage } from '../report/coverage/render';
import { isSoaFormat, renderSoa, soaInput } from '../report/soa/render';
import { ReportError } from '../report/reportError';
import type { CoverageReportFormat, CoverageReportParams, RenderedCoverageReport } from '../protocol/customMessages';
import { afterIndexing, type ServerContext } from './context';
import { requestScope, scopeCoverage } from './scope';


/** Names no policy document is likely to have: the SoA document itself is often statement-of-applicability.md. */
const FILE_NAMES: Record<CoverageReportFormat, string> = {
  html: 'coverage-report.html',
  markdown: 'coverage-report.md',
  csv: 'coverage-report.csv',
  'soa-html': 'soa-report.html',
  'soa-md': 'soa-report.md',
  'soa-csv': 'soa-report.csv',
  'soa-xlsx': 'soa-report.xlsx',
};

/** clausewise/coverageReport: the policy set's coverage rendered by the CLI's formatters, so an export equals `clausewise coverage --format`. */
export async function renderCoverageReport(context: ServerContext, params: CoverageReportParams, token: CancellationToken): Promise<RenderedCoverageReport> {
  if (!params || !(params.format in FILE_NAMES)) {
    throw new ResponseError(ErrorCodes.InvalidParams, `clausewise/coverageReport renders ${Object.keys(FILE_NAMES).join(', ')}, not ${String(params?.format)}`);
  }
  await afterIndexing(context, token);
  const scope = requestScope(context, params);
  const { set, index } = scope;
  const outputDir = params.outputUri ? context.workspace.pathOf(params.outputUri) : set.config.root;
  if (!outputDir) throw new ResponseError(ErrorCodes.InvalidParams, `Clausewise can render a report only for a folder on this machine's disk (a file: URI), not ${params.outputUri}; save the report to a local folder`);
  const input = coverageInput(scopeCoverage(context, scope), index.policies(), set.catalog, set.config, outputDir);
  const fileName = FILE_NAMES[params.format];
  const suggestedUri = pathToFileURL(suggestedPath(set, fileName)).href;
  if (!isSoaFormat(params.format)) return { format: params.format, content: renderCoverage(params.format, input, outputDir), fileName, suggestedUri };
  try {
    const rendered = await renderSoa(params.format, soaInput(input, index, (message) => context.connection.console.warn(`Clausewise: ${message}`)));
    return typeof rendered === 'string' ? { format: params.format, content: rendered, fileName, suggestedUri } : { format: params.format, content: rendered.toString('base64'), encoding: 'base64', fileName, suggestedUri };
  } catch (error) {
    // Two SoA documents in the set: the user's to resolve, said as the CLI says it.
    if (error instanceof ReportError) throw new ResponseError(ErrorCodes.InvalidRequest, `${error.message}; ${error.hint}`);
    throw error;
  }
}

/** Where to save a report by default: the policy set's folder, or its `reports` folder when the config's include globs would take the file in. */
function suggestedPath(set: PolicySet, fileName: string): string {
  const inRoot = join(set.config.root, fileName);
  return set.isIncluded(inRoot) ? join(set.config.root, 'reports', fileName) : inRoot;
}
