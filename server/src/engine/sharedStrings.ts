import type { Finding } from '../findings/types';
import type { AnalyzedDocument } from './analyzedDocument';

/** Past this many strings the pool starts afresh, so a long session's one-off messages do not pile up. */
const MAX_STRINGS = 200_000;

/**
 * One copy of each string that many documents' analyses repeat: rule ids, paths, and above all the
 * missing-element messages, fix titles and inserted sections, which are the same words in every
 * document that lacks the same element. An analysis from a checking thread arrives with a fresh copy
 * of every string; on 10,000 documents those copies took most of the language server's memory, and
 * on 2,000 documents `check`'s findings held some 36,000 copies of a few hundred texts (about 100 MB).
 */
export class SharedStrings {
  private strings = new Map<string, string>();

  /** The pool's copy of a string (this one, the first time it is seen). */
  share<T extends string>(value: T): T {
    const known = this.strings.get(value);
    if (known !== undefined) return known as T;
    if (this.strings.size >= MAX_STRINGS) this.strings = new Map();
    this.strings.set(value, value);
    return value;
  }

  /** Replaces, in place, an analysis's repeated strings by the pool's copies. */
  shareAnalysis(analyzed: AnalyzedDocument): void {
    const { summary } = analyzed;
    summary.path = this.share(summary.path);
    for (const statuses of Object.values(summary.elements)) {
      for (const status of statuses) {
        status.id = this.share(status.id);
        status.state = this.share(status.state);
        if (status.heading !== undefined) status.heading = this.share(status.heading);
        if (status.words) status.words = status.words.map((word) => this.share(word));
      }
    }
    for (const mention of summary.mentions) mention.id = this.share(mention.id);
    this.shareFindings(analyzed.findings);
  }

  /** Replaces, in place, the findings' repeated strings by the pool's copies. */
  shareFindings(findings: Finding[]): void {
    for (const finding of findings) {
      finding.ruleId = this.share(finding.ruleId);
      finding.path = this.share(finding.path);
      finding.message = this.share(finding.message);
      finding.severity = this.share(finding.severity);
      if (finding.clause !== undefined) finding.clause = this.share(finding.clause);
      if (finding.element !== undefined) finding.element = this.share(finding.element);
      for (const fix of finding.fixes) {
        fix.title = this.share(fix.title);
        for (const edit of fix.edits) edit.newText = this.share(edit.newText);
      }
    }
  }
}

/** The process's pool: the checking threads' results (CLI and server) and the server's workspace share one. */
export const sharedStrings = new SharedStrings();
