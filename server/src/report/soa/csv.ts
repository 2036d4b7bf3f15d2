import { csvField } from '../coverage/csv';
import { SOA_COLUMNS, soaCells, soaHeader, type SoaInput } from './common';

/**
 * The SoA as CSV (RFC 4180): the header fields as "label,value" lines, a blank line, then one row
 * per control under the column titles. Several values in a cell are separated by "; ".
 */
export function formatSoaCsv(input: SoaInput): string {
  const lines = [
    ...soaHeader(input).map((pair) => pair.map(csvField).join(',')),
    '',
    SOA_COLUMNS.map((column) => csvField(column.title)).join(','),
    ...input.statement.rows.map((row) => soaCells(row).map((cell) => csvField(cell.join('; '))).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
