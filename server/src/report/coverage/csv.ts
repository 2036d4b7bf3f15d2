import { coveredBy, notes, type CoverageInput } from './common';

/** What a spreadsheet would read as the start of a formula (or, for tab and carriage return, strip before one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: a value a spreadsheet would run as a formula (`=HYPERLINK(…)` in a justification)
 * gets a leading apostrophe, so it shows as text; quoted when it holds a comma, quote or line break.
 */
export function csvField(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One row per control (RFC 4180): id, title, category, objective, essential, applicable, state,
 * documents, justification or reasons. The objective is left empty where the catalog has none between
 * category and control (ISO/IEC 27002:2022's themes hold their controls directly).
 */
export function formatCoverageCsv(input: CoverageInput): string {
  const rows = [['id', 'title', 'category', 'objective', 'essential', 'applicable', 'state', 'documents', 'justification_or_reasons']];
  for (const control of input.report.controls) {
    const catalogControl = input.catalog.control(control.id);
    rows.push([
      control.id,
      control.title,
      control.categoryId,
      catalogControl && input.catalog.objectiveOf(catalogControl).implicit ? '' : control.objectiveId,
      control.essential ? 'yes' : 'no',
      control.state === 'excluded' ? 'no' : 'yes',
      control.state,
      coveredBy(control, input, false).join('; '),
      notes(control),
    ]);
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
