import { GENERATED_MARKER } from '../../document/generated';
import { cell } from '../coverage/markdown';
import { SOA_COLUMNS, soaCells, soaHeader, type SoaInput } from './common';

/** The SoA in Markdown: the header fields, then one table per category with a row per control. */
export function formatSoaMarkdown(input: SoaInput): string {
  const { catalog, statement } = input;
  const lines = [GENERATED_MARKER, `# ${statement.soa?.title ?? 'Statement of Applicability'} — ${catalog.info.name}`, '', '| | |', '|---|---|'];
  for (const [label, value] of soaHeader(input)) lines.push(`| ${label} | ${cell(value)} |`);
  const byId = new Map(statement.rows.map((row) => [row.coverage.id, row]));
  for (const category of catalog.categories) {
    lines.push('', `## ${category.id} ${category.title}`, '', `| ${SOA_COLUMNS.map((column) => column.title).join(' | ')} |`, `|${SOA_COLUMNS.map(() => '---|').join('')}`);
    for (const control of catalog.controlsUnder(category.id)) {
      const row = byId.get(control.id);
      if (row) lines.push(`| ${soaCells(row).map((value) => value.map(cell).join('<br>')).join(' | ')} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
