import type { Finding } from '../findings/types';
import { sharedStrings } from './sharedStrings';

/**
 * Replaces, in place, each finding's fixes by the pool's notes of them (title and whether automatic,
 * no edits): what a closed document of a long-lived session keeps (see SessionDocument.fixEdits).
 */
export function keepFixNotes(findings: Finding[]): void {
  for (const finding of findings) {
    if (finding.fixes.length > 0) finding.fixes = finding.fixes.map((fix) => sharedStrings.fixNote(fix));
  }
}
