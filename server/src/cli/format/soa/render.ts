import { relative } from 'node:path';
import type { WorkspaceIndex } from '../../../workspace/workspaceIndex';
import { buildStatement, soaDocuments } from '../../../workspace/statement';
import { UsageError } from '../../usageError';
import type { CoverageInput } from '../coverage/common';
import type { SoaInput } from './common';
import { formatSoaCsv } from './csv';
import { formatSoaHtml } from './html';
import { formatSoaMarkdown } from './markdown';

/** The Statement of Applicability exports of `clausewise coverage --format`. */
export const SOA_FORMATS = ['soa-xlsx', 'soa-csv', 'soa-md', 'soa-html'] as const;
export type SoaFormat = (typeof SOA_FORMATS)[number];

export function isSoaFormat(format: string): format is SoaFormat {
  return (SOA_FORMATS as readonly string[]).includes(format);
}

/**
 * A coverage input joined with the policy set's SoA document. Two SoA documents are refused (which
 * one an auditor gets would be a guess); none gives a statement without reasons, owners or status,
 * and `warn` says so.
 */
export function soaInput(input: CoverageInput, index: WorkspaceIndex, warn: (message: string) => void): SoaInput {
  const documents = soaDocuments(index);
  if (documents.length > 1) {
    throw new UsageError(
      `the policy set has ${documents.length} SoA documents (type: soa): ${documents.map((document) => relative(input.cwd, document.path)).join(', ')}`,
      'keep one Statement of Applicability per policy set, and give the others another type',
    );
  }
  if (documents.length === 0) warn('no SoA document (type: soa) in this policy set: the statement has no inclusion reasons, owners or implementation status; see "Statement of Applicability" in the README');
  return { ...input, statement: buildStatement(input.report, index, input.catalog, documents[0]) };
}

/** The SoA in a format: text, or for soa-xlsx the workbook's bytes (exceljs is loaded only then). */
export async function renderSoa(format: SoaFormat, input: SoaInput): Promise<string | Buffer> {
  switch (format) {
    case 'soa-csv': return formatSoaCsv(input);
    case 'soa-md': return formatSoaMarkdown(input);
    case 'soa-html': return formatSoaHtml(input);
    case 'soa-xlsx': return (await import('./xlsx')).formatSoaXlsx(input);
  }
}
