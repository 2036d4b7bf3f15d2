/** Offsets where each line starts ("\n", "\r\n" and lone "\r" end lines, as in LSP). */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  // Most files end lines with "\n" only: let the engine's search find them.
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 0-based line and UTF-16 character of an offset. */
export function positionAt(lineStarts: number[], offset: number): { line: number; character: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low, character: offset - lineStarts[low]! };
}

/** Offset of a 0-based line and character, clamped to the text. */
export function offsetAt(lineStarts: number[], textLength: number, line: number, character: number): number {
  if (line >= lineStarts.length) return textLength;
  if (line < 0) return 0;
  return Math.min(lineStarts[line]! + Math.max(0, character), lineStarts[line + 1] ?? textLength);
}

/** One line of a span of text: its text without the line ending, and the offset where it starts. */
export interface SpanLine {
  text: string;
  start: number;
}

/** The lines of a span of the text, each with its start offset. */
export function linesIn(text: string, span: { start: number; end: number }): SpanLine[] {
  const lines: SpanLine[] = [];
  let offset = span.start;
  for (const line of text.slice(span.start, span.end).split('\n')) {
    lines.push({ text: line.replace(/\r$/, ''), start: offset });
    offset += line.length + 1;
  }
  return lines;
}
