import ExcelJS from 'exceljs';
import { SOA_COLUMNS, soaCells, soaHeader, type SoaInput } from './common';

/**
 * The SoA as an Excel workbook: one sheet with the header fields at the top, then the column titles
 * (frozen, with filters) and one row per control. Several values in a cell are on lines of their own.
 * Loaded only for --format soa-xlsx, so exceljs costs nothing to the other commands.
 */
export async function formatSoaXlsx(input: SoaInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Clausewise';
  const sheet = workbook.addWorksheet('Statement of Applicability');
  const header = soaHeader(input);
  for (const [label, value] of header) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
  }
  sheet.addRow([]);
  const titleRow = sheet.addRow(SOA_COLUMNS.map((column) => column.title));
  titleRow.font = { bold: true };
  titleRow.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
  });
  for (const row of input.statement.rows) {
    const added = sheet.addRow(soaCells(row).map((lines) => lines.join('\n')));
    added.alignment = { vertical: 'top', wrapText: true };
  }
  SOA_COLUMNS.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width;
  });
  const first = titleRow.number;
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: first }];
  sheet.autoFilter = { from: { row: first, column: 1 }, to: { row: first + input.statement.rows.length, column: SOA_COLUMNS.length } };
  // Printed: landscape, as wide as the page, the column titles on every page.
  sheet.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${first}:${first}` };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
