import type { Finding, Fix, TextEdit } from './types';

export interface AppliedFixes {
  text: string;
  applied: Fix[];
  /** Fixes left out because their edits overlap one already taken (a second run picks them up). */
  skipped: Fix[];
}

/**
 * Applies fixes to text, in order. A fix whose edits overlap an accepted fix's edits is skipped
 * whole, so the result never mixes half-applied fixes; insertions at the same offset keep their order.
 */
export function applyFixes(text: string, fixes: Fix[]): AppliedFixes {
  const accepted: TextEdit[] = [];
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const fix of fixes) {
    if (fix.edits.some((edit) => accepted.some((other) => overlaps(edit, other)))) {
      skipped.push(fix);
      continue;
    }
    accepted.push(...fix.edits);
    applied.push(fix);
  }
  let result = '';
  let cursor = 0;
  for (const edit of orderedEdits(accepted)) {
    result += text.slice(cursor, edit.range.start) + edit.newText;
    cursor = Math.max(cursor, edit.range.end);
  }
  return { text: result + text.slice(cursor), applied, skipped };
}

/**
 * Edits in the order they apply: by position, insertions at one point in the order given (as an LSP
 * client expects them), and before a replacement starting there (text inserted at a point goes in
 * front of what is replaced after it, not behind the replacement).
 */
export function orderedEdits(edits: TextEdit[]): TextEdit[] {
  const isInsertion = (edit: TextEdit) => (edit.range.start === edit.range.end ? 0 : 1);
  return edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.range.start - b.edit.range.start || isInsertion(a.edit) - isInsertion(b.edit) || a.order - b.order)
    .map(({ edit }) => edit);
}

/** The fix --fix and fix-all apply for a finding: its first automatic one (a fix claiming a control never is). */
export function firstAutomaticFix(finding: Finding): Fix | undefined {
  return finding.fixes.find((fix) => fix.automatic);
}

/** The automatic fixes of findings ("fix all"): the first automatic fix of each finding. */
export function automaticFixes(findings: Finding[]): Fix[] {
  return findings.flatMap((finding) => firstAutomaticFix(finding) ?? []);
}

/** The offsets a fix's `select` names in the text after `edits` (in applying order, the fix's among them) were applied; none when its edit is not among them. */
export function selectionAfter(edits: TextEdit[], fix: Fix): { start: number; end: number } | undefined {
  const target = fix.select && fix.edits[fix.select.edit];
  if (!target) return undefined;
  let shift = 0;
  for (const edit of edits) {
    if (edit === target) return { start: edit.range.start + shift + fix.select!.start, end: edit.range.start + shift + fix.select!.end };
    shift += edit.newText.length - (edit.range.end - edit.range.start);
  }
  return undefined;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at one point do not overlap; a replacement overlaps anything strictly inside or touching its interior.
  if (a.range.start === a.range.end && b.range.start === b.range.end) return false;
  return a.range.start < b.range.end && b.range.start < a.range.end;
}
