import type { RawTitle } from './blocks';
import { linesIn, type SpanLine as Line } from './lines';
import { wordCount } from './normalize';
import type { Range } from './types';

/** A table row: its text, and its first cell as a label when that cell is a short title and other cells hold text. */
export interface TableRow {
  range: Range;
  /** Its text in reading order: cell by cell, each cell's lines in turn (a grid table's cells wrap over lines). */
  own: Range[];
  label?: RawTitle;
}

export interface Table {
  /** The header row in reading order, when the table has one. */
  header?: Range[];
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
    return { range: row, own: [row], label: labelOf(cells, firstCell, row) };
  });
  return { header: [rangeOf(lines[0]!)], rows };
}

/**
 * A grid row's text cell by cell, so a cell wrapped over lines ("Recovery Time" above "Objective")
 * reads as one phrase; the lines as they are when a line's bars do not sit under the rule's corners.
 */
function cellsInOrder(group: Line[], rule: Line): Range[] {
  const corners: number[] = [];
  for (let at = rule.text.indexOf('+'); at !== -1; at = rule.text.indexOf('+', at + 1)) corners.push(at);
  const aligned = corners.length > 2 && group.every((line) => corners.every((corner) => line.text[corner] === '|' || (corner >= line.text.length && corner === corners.at(-1))));
  if (!aligned) return group.map((line) => ({ start: line.start, end: line.start + line.text.length }));
  const ranges: Range[] = [];
  for (let column = 0; column + 1 < corners.length; column++) {
    for (const line of group) {
      const start = corners[column]! + 1;
      const end = Math.min(corners[column + 1]!, line.text.length);
      if (start < end && line.text.slice(start, end).trim()) ranges.push({ start: line.start + start, end: line.start + end });
    }
  }
  return ranges;
}

function gridTable(lines: Line[]): Table {
  const table: Table = { rows: [] };
  let group: Line[] = [];
  let above = lines[0]!;
  const flush = (rule: Line) => {
    if (group.length === 0) return;
    const row = { start: group[0]!.start, end: group.at(-1)!.start + group.at(-1)!.text.length };
    if (rule.text.includes('=') && table.rows.length === 0 && !table.header) {
      table.header = cellsInOrder(group, above);
    } else if (group.some((line) => /\p{L}/u.test(line.text))) {
      const cells: string[] = [];
      for (const line of group) line.text.replace(/^\s*\|/, '').replace(/\|\s*$/, '').split('|').forEach((cell, index) => (cells[index] = `${cells[index] ?? ''} ${cell}`));
      const first = group[0]!;
      const open = first.text.indexOf('|') + 1;
      const close = first.text.indexOf('|', open);
      const firstCell = { start: first.start + open, end: first.start + (close === -1 ? first.text.length : close) };
      table.rows.push({ range: row, own: cellsInOrder(group, above), label: labelOf(cells, firstCell, row) });
    }
    group = [];
  };
  for (const line of lines) {
    if (GRID_RULE.test(line.text)) {
      flush(line);
      above = line;
    } else if (line.text.trim()) group.push(line);
  }
  flush({ text: '', start: 0 });
  return table;
}
