import { DiagnosticSeverity, type Diagnostic, type Position, type Range as LspRange, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import { offsetAt, positionAt } from '../document/lines';
import type { Range } from '../document/types';
import type { Finding, FindingElement, Fix, Severity, TextEdit } from '../findings/types';
import { ruleDocsUrl } from '../rules/docs';


/** A fix as it rides in a diagnostic's `data`: edits already in LSP positions. */
export interface FixData {
  title: string;
  automatic: boolean;
  edits: LspTextEdit[];
}

/** What every Clausewise diagnostic carries in `data`. */
export interface DiagnosticData {
  fixes: FixData[];
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

/** A fix as it rides in a diagnostic's `data`. */
export function toFixData(lines: LineMap, fix: Fix): FixData {
  return { title: fix.title, automatic: fix.automatic, edits: toLspEdits(lines, fix.edits) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The one conversion of the core's Finding to an LSP Diagnostic (code = rule id, fixes in data, related places in the document at `uri`). */
export function toDiagnostic(lines: LineMap, finding: Finding, uri: string): Diagnostic {
  const data: DiagnosticData = { fixes: finding.fixes.map((fix) => toFixData(lines, fix)) };
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
