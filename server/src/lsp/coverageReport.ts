import { ErrorCodes, RequestType, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { CoverageInput } from '../cli/format/coverage/common';
import { renderCoverage } from '../cli/format/coverage/render';
import { CoverageReportRequest, type CoverageReportFormat, type CoverageReportParams, type RenderedCoverageReport } from '../protocol/customMessages';
import { afterIndexing, type ServerContext } from './context';
import { requestScope, scopeCoverage } from './scope';

export const coverageReportRequestType = new RequestType<CoverageReportParams, RenderedCoverageReport, void>(CoverageReportRequest.method);

const FILE_NAMES: Record<CoverageReportFormat, string> = {
  html: 'statement-of-applicability.html',
  markdown: 'statement-of-applicability.md',
  csv: 'statement-of-applicability.csv',
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
  const input: CoverageInput = {
    report: scopeCoverage(context, scope),
    catalog: set.catalog,
    cwd: outputDir,
    documents: index.policies().length,
  };
  return { format: params.format, content: renderCoverage(params.format, input, outputDir), fileName: FILE_NAMES[params.format] };
}
