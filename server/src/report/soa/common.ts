import type { Statement, StatementRow } from '../../model/statement';
import { headline, type CoverageInput } from '../coverage/common';

/** What every SoA format needs: the coverage input (report, catalog, paths) and the statement built from it. */
export interface SoaInput extends CoverageInput {
  statement: Statement;
}

/**
 * The columns of every SoA export, in order, with a width in characters for the spreadsheet and how
 * the printed page may wrap them: never (short values), anywhere (links, document lists), or at spaces.
 */
export const SOA_COLUMNS: readonly { title: string; width: number; wrap: 'never' | 'anywhere' | 'words' }[] = [
  { title: 'Control', width: 10, wrap: 'never' },
  { title: 'Title', width: 36, wrap: 'words' },
  { title: 'Applicable', width: 11, wrap: 'never' },
  { title: 'Inclusion reason', width: 42, wrap: 'words' },
  { title: 'Exclusion justification', width: 42, wrap: 'words' },
  { title: 'Status', width: 16, wrap: 'never' },
  { title: 'Owner', width: 28, wrap: 'words' },
  { title: 'Documents', width: 36, wrap: 'anywhere' },
  { title: 'Evidence', width: 40, wrap: 'anywhere' },
  { title: 'Last review', width: 12, wrap: 'never' },
];

/** One row's cells, each a list of lines (a format joins them its own way), in SOA_COLUMNS order. */
export function soaCells(row: StatementRow): string[][] {
  const { coverage } = row;
  return [
    [coverage.id],
    [coverage.title],
    [row.applicable ? 'Yes' : 'No'],
    row.reasons,
    row.exclusion ? [row.exclusion] : [],
    [row.applicable ? (row.status ?? 'not stated') : ''],
    row.owner ? [row.owner] : [],
    row.documents.map((document) => `${document.id} (${[document.status ?? 'no status', document.version && `v${document.version}`].filter(Boolean).join(', ')})`),
    row.evidence,
    row.lastReview ? [row.lastReview] : [],
  ];
}

/** The header of every SoA export: the SoA document's title, version, date and approver, then where the rows come from. */
export function soaHeader(input: SoaInput): [label: string, value: string][] {
  const { soa } = input.statement;
  const missing = 'not stated';
  return [
    ['Statement', soa ? `${soa.title ?? 'Statement of Applicability'}${soa.id ? ` (${soa.id})` : ''}` : 'no SoA document (type: soa) in this policy set'],
    ['Version', soa?.version ?? missing],
    ['Date', soa?.date ?? missing],
    ['Approved by', soa?.approver ?? missing],
    ['Catalog', input.catalog.info.name],
    ['Generated', `${input.report.today} by Clausewise from ${input.documents} documents`],
    ['Coverage', headline(input.report.totals)],
  ];
}
