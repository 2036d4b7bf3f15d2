import type { RawTitle } from './blocks';
import { linesIn, type SpanLine as Line } from './lines';
import { wordCount } from './normalize';
import type { Range } from './types';

/** A table row: its text, and its first cell as a label when that cell is a short title and other cells hold text. */
export interface TableRow {
  range: Range;
  label?: RawTitle;
}

export interface Table {
  header?: Range;
  rows: TableRow[];
}

const PIPE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const GRID_RULE = /^\s*\+(?:[-=:]+\+)+\s*$/;

const cellText = (cell: string) => cell.replace(/[*_`]+/g, '').trim();

function labelOf(cells: string[], firstCell: Range, row: Range): TableRow['label'] {
  const title = cellText(cells[0] ?? '');
  const words = wordCount(title);
  if (words === 0 || words > 8 || !cells.slice(1).some((cell) => /\p{L}{2,}/u.test(cell))) return undefined;
  return { title, titleRange: firstCell, bodyRange: { start: firstCell.end, end: row.end } };
}

/**
 * A table written in a paragraph (remark reads Markdown without tables): a pipe table (a header row,
 * a `|---|` line, body rows) or a grid table (`+----+` rules, `|` rows that may span lines).
 */
export function readTable(text: string, span: Range): Table | undefined {
  // Every paragraph is asked: most are not tables, and their first line says so without splitting them.
  const firstLineEnd = text.indexOf('\n', span.start);
  const firstLine = text.slice(span.start, firstLineEnd === -1 || firstLineEnd > span.end ? span.end : firstLineEnd);
  if (!firstLine.includes('|') && !firstLine.trimStart().startsWith('+')) return undefined;
  const lines = linesIn(text, span);
  if (lines.length >= 2 && lines[0]!.text.includes('|') && PIPE_DELIMITER.test(lines[1]!.text) && lines[1]!.text.includes('-')) return pipeTable(lines);
  if (GRID_RULE.test(lines[0]!.text)) return gridTable(lines);
  return undefined;
}

function pipeTable(lines: Line[]): Table {
  const rangeOf = (line: Line) => ({ start: line.start, end: line.start + line.text.length });
  const rows = lines.slice(2).filter((line) => line.text.trim()).map((line): TableRow => {
    const row = rangeOf(line);
    const cells = line.text.replace(/^\s*\|/, '').split('|');
    const lead = line.text.indexOf(cells[0]!);
    const firstCell = { start: line.start + lead, end: line.start + lead + cells[0]!.length };
    return { range: row, label: labelOf(cells, firstCell, row) };
  });
  return { header: rangeOf(lines[0]!), rows };
}

function gridTable(lines: Line[]): Table {
  const table: Table = { rows: [] };
  let group: Line[] = [];
  const flush = (rule: Line) => {
    if (group.length === 0) return;
    const row = { start: group[0]!.start, end: group.at(-1)!.start + group.at(-1)!.text.length };
    if (rule.text.includes('=') && table.rows.length === 0 && !table.header) {
      table.header = row;
    } else if (group.some((line) => /\p{L}/u.test(line.text))) {
      const cells: string[] = [];
      for (const line of group) line.text.replace(/^\s*\|/, '').replace(/\|\s*$/, '').split('|').forEach((cell, index) => (cells[index] = `${cells[index] ?? ''} ${cell}`));
      const first = group[0]!;
      const open = first.text.indexOf('|') + 1;
      const close = first.text.indexOf('|', open);
      const firstCell = { start: first.start + open, end: first.start + (close === -1 ? first.text.length : close) };
      table.rows.push({ range: row, label: labelOf(cells, firstCell, row) });
    }
    group = [];
  };
  for (const line of lines) {
    if (GRID_RULE.test(line.text)) flush(line);
    else if (line.text.trim()) group.push(line);
  }
  flush({ text: '', start: 0 });
  return table;
}
