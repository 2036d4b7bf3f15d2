import type { Finding } from '../findings/types';
import type { AnalyzedDocument } from './analyzedDocument';

/** More distinct texts than a catalog's messages and fixes come to; past it the pool starts afresh (a long-lived server). */
const MAX_TEXTS = 50_000;

/**
 * One copy of each text that many findings repeat (a missing element's message and inserted
 * section, the document's path). A thread's message arrives as fresh copies of every string, so
 * 2,000 documents' findings would hold some 36,000 copies of a few hundred texts (about 100 MB on
 * the receiving thread); each is exchanged here for the copy first seen, and the rest die young.
 */
export class SharedText {
  private readonly texts = new Map<string, string>();

  /** The copy of `text` kept here, or `text` itself when it is the first. */
  share(text: string): string {
    const known = this.texts.get(text);
    if (known !== undefined) return known;
    if (this.texts.size >= MAX_TEXTS) this.texts.clear();
    this.texts.set(text, text);
    return text;
  }

  /** Exchanges the repeated texts of an analysis just received (its findings and element states) for the shared copies, in place. */
  shareAnalysis(analyzed: AnalyzedDocument): void {
    for (const statuses of Object.values(analyzed.summary.elements)) {
      for (const status of statuses) {
        status.id = this.share(status.id);
        status.state = this.share(status.state) as typeof status.state;
      }
    }
    this.shareFindings(analyzed.findings);
  }

  private shareFindings(findings: Finding[]): void {
    for (const finding of findings) {
      finding.ruleId = this.share(finding.ruleId);
      finding.severity = this.share(finding.severity) as Finding['severity'];
      finding.message = this.share(finding.message);
      finding.path = this.share(finding.path);
      if (finding.clause !== undefined) finding.clause = this.share(finding.clause);
      if (finding.element !== undefined) finding.element = this.share(finding.element);
      for (const fix of finding.fixes) {
        fix.title = this.share(fix.title);
        for (const edit of fix.edits) edit.newText = this.share(edit.newText);
      }
    }
  }
}
