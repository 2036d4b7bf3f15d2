import type { Output } from '../../terminal';
import type { CoverageInput } from './common';
import { formatCoverageCsv } from './csv';
import { formatCoverageHtml } from './html';
import { formatCoverageJson } from './json';
import { formatCoverageMarkdown } from './markdown';
import { formatCoverageTable } from './table';

/** The formats `clausewise coverage --format` writes (the language server renders html, markdown and csv). */
/** The formats `clausewise coverage --format` and the editor's export accept. */
export const COVERAGE_FORMATS = ['table', 'markdown', 'html', 'csv', 'json'] as const;
export type CoverageFormat = (typeof COVERAGE_FORMATS)[number];

/**
 * One policy set's coverage in a format: the one choice of formatter behind `clausewise coverage`
 * and the server's clausewise/coverageReport, so an editor's export equals the CLI's file.
 * `outputDir` is the folder the file goes to (the HTML's document links are relative to it);
 * `terminal` says whether the table may be coloured (not when it goes to a file).
 */
export function renderCoverage(format: CoverageFormat, input: CoverageInput, outputDir: string, terminal: Pick<Output, 'color'> = { color: false }): string {
  switch (format) {
    case 'markdown': return formatCoverageMarkdown(input);
    case 'html': return formatCoverageHtml(input, outputDir);
    case 'csv': return formatCoverageCsv(input);
    case 'json': return formatCoverageJson(input);
    default: return formatCoverageTable(input, terminal);
  }
}
