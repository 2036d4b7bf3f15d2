import type { CoverageInput } from './common';
import { formatCoverageCsv } from './csv';
import { formatCoverageHtml } from './html';
import { formatCoverageJson } from './json';
import { formatCoverageMarkdown } from './markdown';

/** The coverage report's file formats, written by `clausewise coverage --format` and the editor's export alike. */
export const REPORT_FORMATS = ['markdown', 'html', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * One policy set's coverage in a file format: the one choice of renderer behind `clausewise coverage`
 * and the server's clausewise/coverageReport, so an editor's export equals the CLI's file.
 * `outputDir` is the folder the file goes to (the HTML's document links are relative to it).
 */
export function renderCoverage(format: ReportFormat, input: CoverageInput, outputDir: string): string {
  switch (format) {
    case 'markdown': return formatCoverageMarkdown(input);
    case 'html': return formatCoverageHtml(input, outputDir);
    case 'csv': return formatCoverageCsv(input);
    case 'json': return formatCoverageJson(input);
  }
}
