import type { ParseLimits } from '../config/types';
import type { Range } from './types';

/**
 * What one linear pass over a text measures of the Markdown that costs remark time growing faster
 * than its size: deep nesting of list items and block quotes (a line of 5,000 `- ` markers, a list
 * indented 1,000 levels deep) and many emphasis markers in one paragraph (30 KB of `*_*_…`).
 * Estimates, erring high: code inside a fence opened within a list or quote counts as Markdown.
 */
export interface Complexity {
  /** Deepest nesting of list items and block quotes, and where (the start of that line). */
  nesting: number;
  nestingAt: number;
  /** Most emphasis markers that can open or close emphasis in one paragraph, and where it starts. */
  emphasis: number;
  emphasisAt: number;
}

/** Above these a document goes to a thread that can be stopped, even where parsing on the calling thread is cheaper. */
const RISKY_NESTING = 8;
const RISKY_EMPHASIS = 200;
const RISKY_LENGTH = 256 * 1024;

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const GT = 62;
const STAR = 42;
const BACKTICK = 96;
const TILDE = 126;

export function measureComplexity(text: string): Complexity {
  const result: Complexity = { nesting: 0, nestingAt: 0, emphasis: 0, emphasisAt: 0 };
  /** Content columns of the list items a line may still be inside of, innermost last. */
  const items: number[] = [];
  /** Content columns of the list items the current line opens (reused: this runs once per line). */
  const opened: number[] = [];
  const markers = new MarkerCounter(text);
  let paragraphMarkers = 0;
  /** Where the paragraph being read starts; -1 between paragraphs. */
  let paragraphStart = -1;
  let fence: { char: number; length: number; column: number; quotes: number } | undefined;
  const hasCR = text.includes('\r');
  for (let lineStart = 0; lineStart < text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (hasCR) {
      const cr = text.indexOf('\r', lineStart);
      if (cr >= 0 && cr < lineEnd) lineEnd = cr;
    }
    const next = text.charCodeAt(lineEnd) === CR && text.charCodeAt(lineEnd + 1) === LF ? lineEnd + 2 : lineEnd + 1;
    // The container markers at the start of the line: indentation, `>` and list markers, in any mix.
    let at = lineStart;
    let column = 0;
    let quotes = 0;
    let indent = -1;
    let firstMarker = 0;
    opened.length = 0;
    for (;;) {
      while (at < lineEnd && (text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB)) {
        column += text.charCodeAt(at) === TAB ? 4 - (column % 4) : 1;
        at++;
      }
      if (indent < 0) indent = column;
      if (at >= lineEnd) break;
      if (text.charCodeAt(at) === GT) {
        quotes++;
        at++;
        column++;
        continue;
      }
      const width = listMarkerWidth(text, at, lineEnd);
      if (width === 0) break;
      if (opened.length === 0) firstMarker = column;
      at += width;
      column += width;
      opened.push(column + 1);
    }
    // Code in a fence ends with its fence, or with the list item or quote the fence was opened in.
    if (fence && at < lineEnd && (quotes < fence.quotes || indent < fence.column)) fence = undefined;
    if (!fence && opened.length > 0) {
      while (items.length > 0 && items[items.length - 1]! > firstMarker) items.pop();
      for (const content of opened) items.push(content);
    }
    if (at >= lineEnd) {
      // A blank line (inside its containers) ends a paragraph.
      if (!fence) {
        if (paragraphMarkers > result.emphasis) {
          result.emphasis = paragraphMarkers;
          result.emphasisAt = paragraphStart;
        }
        paragraphMarkers = 0;
        paragraphStart = -1;
      }
    } else if (fence) {
      if (runLength(text, at, lineEnd, fence.char) >= fence.length) fence = undefined;
    } else {
      const depth = items.length + quotes;
      if (depth > result.nesting) {
        result.nesting = depth;
        result.nestingAt = lineStart;
      }
      const code = text.charCodeAt(at);
      // A list item, a heading or a fence starts a paragraph of its own.
      if (opened.length > 0 || code === 35 || code === BACKTICK || code === TILDE) {
        if (paragraphMarkers > result.emphasis) {
          result.emphasis = paragraphMarkers;
          result.emphasisAt = paragraphStart;
        }
        paragraphMarkers = 0;
        paragraphStart = -1;
      }
      if ((code === BACKTICK || code === TILDE) && runLength(text, at, lineEnd, code) >= 3) {
        fence = { char: code, length: runLength(text, at, lineEnd, code), column: containerColumn(items, opened.length > 0 ? Infinity : indent), quotes };
      } else {
        if (paragraphStart < 0) paragraphStart = lineStart;
        paragraphMarkers += markers.count(at, lineEnd);
      }
    }
    lineStart = next;
  }
  if (paragraphMarkers > result.emphasis) {
    result.emphasis = paragraphMarkers;
    result.emphasisAt = paragraphStart;
  }
  return result;
}

/** The problem that keeps a document from being parsed, with where it is, or undefined when it is within the limits. */
export function complexityProblem(complexity: Complexity, limits: ParseLimits): { message: string; range: Range } | undefined {
  if (complexity.nesting > limits.nestingDepth) {
    return {
      message: `lists or block quotes here nest ${complexity.nesting} levels deep, more than the ${limits.nestingDepth} Clausewise parses (parsing such nesting takes time that grows much faster than the text), so the document was not checked; flatten the nesting, or raise limits.nesting-depth in .clausewise.yaml`,
      range: { start: complexity.nestingAt, end: complexity.nestingAt },
    };
  }
  if (complexity.emphasis > limits.emphasisMarkers) {
    return {
      message: `this paragraph holds ${complexity.emphasis} emphasis markers (* and _), more than the ${limits.emphasisMarkers} Clausewise parses in one paragraph (matching them takes time that grows much faster than the text), so the document was not checked; remove the stray markers or split the paragraph, or raise limits.emphasis-markers in .clausewise.yaml`,
      range: { start: complexity.emphasisAt, end: complexity.emphasisAt },
    };
  }
  return undefined;
}

/** The problem of a document whose parse ran out of time. */
export function timeLimitProblem(parseSeconds: number): { message: string; range: Range } {
  return {
    message: `parsing and checking this document took longer than the ${parseSeconds} s limit, so it was stopped and the document was not checked; simplify its Markdown (deeply nested lists or quotes, long runs of * or _) or split the document, or raise limits.parse-seconds in .clausewise.yaml`,
    range: { start: 0, end: 0 },
  };
}

/** The problem of a document whose parse ran out of memory. */
export function memoryLimitProblem(megabytes: number): { message: string; range: Range } {
  return {
    message: `parsing and checking this document needed more than the ${megabytes} MB of memory a checking thread may use, so it was stopped and the document was not checked; simplify its Markdown (deeply nested lists or quotes, long runs of * or _) or split the document`,
    range: { start: 0, end: 0 },
  };
}

/**
 * True when parsing the text may take long enough that it should run where it can be stopped: well
 * within the limits, but past what ordinary policy documents measure. A long text is risky by its
 * length alone, and is not scanned.
 */
export function isRisky(text: string): boolean {
  if (text.length > RISKY_LENGTH) return true;
  const complexity = measureComplexity(text);
  return complexity.nesting > RISKY_NESTING || complexity.emphasis > RISKY_EMPHASIS;
}

/** Width of a list marker (`-`, `+`, `*`, `1.`, `1)`) followed by a space, a tab or the end of the line at `at`, else 0. */
function listMarkerWidth(text: string, at: number, lineEnd: number): number {
  const code = text.charCodeAt(at);
  let end = at;
  if (code === 45 || code === 43 || code === STAR) {
    end = at + 1;
  } else {
    while (end < lineEnd && end - at < 9 && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
    if (end === at || (text.charCodeAt(end) !== 46 && text.charCodeAt(end) !== 41)) return 0;
    end++;
  }
  if (end < lineEnd && text.charCodeAt(end) !== SPACE && text.charCodeAt(end) !== TAB) return 0;
  return end - at;
}

/** The content column of the innermost list item a line indented so far can belong to (0: none). */
function containerColumn(items: number[], indent: number): number {
  for (let k = items.length - 1; k >= 0; k--) if (items[k]! <= indent) return items[k]!;
  return 0;
}

function runLength(text: string, at: number, lineEnd: number, code: number): number {
  let end = at;
  while (end < lineEnd && text.charCodeAt(end) === code) end++;
  return end - at;
}

/**
 * Counts the `*` and `_` in spans of the text that may open or close emphasis (an `_` inside a word,
 * as in snake_case, can do neither, and costs remark nothing). Spans are asked for in order; the
 * engine's own search finds the markers, so text without any is skipped at native speed.
 */
class MarkerCounter {
  private star: number;
  private underscore: number;

  constructor(private readonly text: string) {
    this.star = text.indexOf('*');
    this.underscore = text.indexOf('_');
  }

  count(from: number, to: number): number {
    const text = this.text;
    let count = 0;
    while (this.star >= 0 && this.star < to) {
      if (this.star >= from) count++;
      this.star = text.indexOf('*', this.star + 1);
    }
    while (this.underscore >= 0 && this.underscore < to) {
      const at = this.underscore;
      if (at >= from && !(isWordCharacter(text.charCodeAt(at - 1)) && isWordCharacter(text.charCodeAt(at + 1)))) count++;
      this.underscore = text.indexOf('_', at + 1);
    }
    return count;
  }
}

function isWordCharacter(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 127;
}
