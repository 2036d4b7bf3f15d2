import { coveredBy, notes, type CoverageInput } from './common';

/** One CSV field, quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One row per control (RFC 4180): id, title, category, objective, essential, applicable, state, documents, justification or reasons. */
export function formatCoverageCsv(input: CoverageInput): string {
  const rows = [['id', 'title', 'category', 'objective', 'essential', 'applicable', 'state', 'documents', 'justification_or_reasons']];
  for (const control of input.report.controls) {
    rows.push([
      control.id,
      control.title,
      control.categoryId,
      control.objectiveId,
      control.essential ? 'yes' : 'no',
      control.state === 'excluded' ? 'no' : 'yes',
      control.state,
      coveredBy(control, input, false).join('; '),
      notes(control),
    ]);
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
