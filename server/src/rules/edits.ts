import type { PolicyDocument, Range } from '../document/types';
import type { Fix, TextEdit } from '../findings/types';

export function insertAt(offset: number, newText: string): TextEdit {
  return { range: { start: offset, end: offset }, newText };
}

export function replaceRange(range: Range, newText: string): TextEdit {
  return { range, newText };
}

export function fix(title: string, edits: TextEdit[], automatic = true): Fix {
  return { title, edits, automatic };
}

/** Replaces a frontmatter scalar with a new value, quoted as the old one was (`"aproved"` → `"approved"`, so JSON stays JSON). */
export function replaceScalar(document: PolicyDocument, range: Range, value: string): TextEdit {
  const quote = document.text[range.start];
  return { range, newText: quote === '"' ? JSON.stringify(value) : quote === "'" ? `'${value.replace(/'/g, "''")}'` : value };
}

/** A clause id as YAML should hold it: quoted as `quote` says, or quoted when YAML would read it as another number (5.10 is 5.1). */
export function yamlClauseId(id: string, quote?: string): string {
  if (quote) return `${quote}${id}${quote}`;
  return /^\d+\.\d*0$/.test(id) ? `"${id}"` : id;
}

/** Replaces a clause id scalar with another id, quoted as the old one was or as YAML needs. */
export function replaceClauseId(document: PolicyDocument, range: Range, id: string): TextEdit {
  const first = document.text[range.start];
  return { range, newText: yamlClauseId(id, first === '"' || first === "'" ? first : undefined) };
}

/** The line ending the document uses, so inserted text matches it. */
export function eol(document: PolicyDocument): string {
  return document.text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * Appends text at the end of the document, starting on a fresh line after one blank line; none when
 * the document ends inside an unclosed code fence or HTML comment, where the text would become part
 * of it (closing the user's block would change what their text means).
 */
export function appendToDocument(document: PolicyDocument, block: string): TextEdit | undefined {
  if (document.unclosed) return undefined;
  const newline = eol(document);
  const text = document.text;
  let start = text.length;
  while (start > 0 && (text[start - 1] === '\n' || text[start - 1] === '\r')) start--;
  const trailing = text.slice(start);
  const end = text.length;
  const lead = text.length === 0 ? '' : trailing.length === 0 ? newline + newline : trailing === newline ? newline : '';
  return insertAt(end, `${lead}${block.replace(/\n+$/, '').replace(/\n/g, newline)}${newline}`);
}

/** The range of a whole line (without its line break). */
export function lineRange(document: PolicyDocument, line: number): Range {
  const start = document.lineStarts[line] ?? document.text.length;
  const next = document.lineStarts[line + 1] ?? document.text.length;
  const content = document.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  return { start, end: start + content.length };
}
