import { escape } from '../coverage/htmlAssets';
import { SOA_COLUMNS, soaCells, soaHeader, type SoaInput } from './common';

const STYLE = `
body { font: 13px/1.4 system-ui, sans-serif; margin: 2rem; color: #1b1b1b; }
h1 { font-size: 1.4rem; margin: 0 0 .8rem; }
dl.header { display: grid; grid-template-columns: max-content auto; gap: .15rem 1rem; margin: 0 0 1.2rem; }
dl.header dt { font-weight: 600; } dl.header dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: .25rem .4rem; text-align: left; vertical-align: top; }
.wrap-never { white-space: nowrap; } .wrap-anywhere { overflow-wrap: anywhere; }
thead th { background: #eee; }
tr.category th { background: #f7f7f7; font-size: 1rem; }
tr.excluded td { color: #555; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { margin: 0; font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  tr.category { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

/** An evidence entry: a link when it is a web address, else its text. */
function evidence(text: string): string {
  return /^https?:\/\//i.test(text) ? `<a href="${escape(text)}">${escape(text)}</a>` : escape(text);
}

/**
 * The SoA as one self-contained HTML page (no script, no remote resources) that prints to PDF from a
 * browser: A4 landscape, the column titles repeated on every page, no row split across pages.
 */
export function formatSoaHtml(input: SoaInput): string {
  const { catalog, statement } = input;
  const title = `${statement.soa?.title ?? 'Statement of Applicability'} — ${catalog.info.name}`;
  const header = soaHeader(input).map(([label, value]) => `<dt>${escape(label)}</dt><dd>${escape(value)}</dd>`).join('');
  const byId = new Map(statement.rows.map((row) => [row.coverage.id, row]));
  const body = catalog.categories.flatMap((category) => [
    `<tr class="category"><th colspan="${SOA_COLUMNS.length}">${escape(`${category.id} ${category.title}`)}</th></tr>`,
    ...catalog.controlsUnder(category.id).flatMap((control) => {
      const row = byId.get(control.id);
      if (!row) return [];
      const cells = soaCells(row).map((lines, column) => `<td class="wrap-${SOA_COLUMNS[column]!.wrap}">${lines.map(SOA_COLUMNS[column]!.title === 'Evidence' ? evidence : escape).join('<br>')}</td>`);
      return [`<tr${row.applicable ? '' : ' class="excluded"'}>${cells.join('')}</tr>`];
    }),
  ]);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escape(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escape(title)}</h1>
<dl class="header">${header}</dl>
<table id="soa">
<colgroup>${SOA_COLUMNS.map((column) => `<col style="width: ${column.width}ch">`).join('')}</colgroup>
<thead><tr>${SOA_COLUMNS.map((column) => `<th class="wrap-${column.wrap === 'anywhere' ? 'words' : column.wrap}">${escape(column.title)}</th>`).join('')}</tr></thead>
<tbody>
${body.join('\n')}
</tbody>
</table>
</body>
</html>
`;
}
