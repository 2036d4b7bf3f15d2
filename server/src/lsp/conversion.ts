import { DiagnosticSeverity, type Diagnostic, type Position, type Range as LspRange, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import { offsetAt, positionAt } from '../document/lines';
import type { Range } from '../document/types';
import type { Finding, FindingElement, Severity, TextEdit } from '../findings/types';
import { ruleDocsUrl } from '../rules/docs';


/**
 * A fix as a published diagnostic names it: its title and whether it is automatic, so a client can tell a
 * fix exists. Its edits are not sent with the diagnostics (they were over half their bytes); every client
 * gets them from textDocument/codeAction, which builds them from the server's own findings.
 */
export interface FixNote {
  title: string;
  automatic: boolean;
}

/** What every Clausewise diagnostic of a document carries in `data`. */
export interface DiagnosticData {
  fixes: FixNote[];
  clause?: string;
  element?: string;
  elements?: FindingElement[];
}

/** Text positions of one document version: converts the core's offsets to LSP line/character and back. */
export interface LineMap {
  lineStarts: number[];
  text: string;
}

/** The LSP position (line, UTF-16 character) of an offset. */
export function toPosition(lines: LineMap, offset: number): Position {
  return positionAt(lines.lineStarts, offset);
}

/** The LSP range of an offset range. */
export function toLspRange(lines: LineMap, range: Range): LspRange {
  return { start: toPosition(lines, range.start), end: toPosition(lines, range.end) };
}

/** The offset of an LSP position, clamped to the text. */
export function toOffset(lines: LineMap, position: Position): number {
  return offsetAt(lines.lineStarts, lines.text.length, position.line, position.character);
}

/** The core's edits as LSP text edits. */
export function toLspEdits(lines: LineMap, edits: TextEdit[]): LspTextEdit[] {
  return edits.map((edit) => ({ range: toLspRange(lines, edit.range), newText: edit.newText }));
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The one conversion of the core's Finding to an LSP Diagnostic (code = rule id, its fixes named in data, related places in the document at `uri`). */
export function toDiagnostic(lines: LineMap, finding: Finding, uri: string): Diagnostic {
  const data: DiagnosticData = { fixes: finding.fixes.map(({ title, automatic }) => ({ title, automatic })) };
  if (finding.clause) data.clause = finding.clause;
  if (finding.element) data.element = finding.element;
  if (finding.elements) data.elements = finding.elements;
  const related = finding.related?.map((place) => ({ location: { uri, range: toLspRange(lines, place.range) }, message: place.message }));
  return {
    range: toLspRange(lines, finding.range),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    source: 'clausewise',
    message: finding.message,
    ...(related?.length ? { relatedInformation: related } : {}),
    data,
  };
}
