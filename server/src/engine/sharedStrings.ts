import type { Located, Range } from '../document/types';
import type { Finding, Fix } from '../findings/types';
import type { ElementStatus } from '../model/summary';
import type { AnalyzedDocument } from './analyzedDocument';

/** Past this many strings (or small objects) the pool starts afresh, so a long session's one-off messages do not pile up. */
const MAX_STRINGS = 200_000;

/** The frontmatter fields most documents of a set fill with the same words (owner, approver, dates, status). */
const SCALAR_FIELDS = ['type', 'status', 'owner', 'version', 'approvedBy', 'effective', 'lastReviewed', 'nextReview', 'reviewEvery'] as const;

/**
 * One copy of each string that many documents' analyses repeat: rule ids, paths, claimed and related
 * ids, common headings, and above all the missing-element messages, element titles, related notes,
 * fix titles and inserted sections, which are the same words in every document that lacks the same
 * element. An analysis from a checking thread arrives with a fresh copy
 * of every string; on 10,000 documents those copies took most of the language server's memory, and
 * on 2,000 documents `check`'s findings held some 36,000 copies of a few hundred texts (about 100 MB).
 */
export class SharedStrings {
  private strings = new Map<string, string>();
  /**
   * One copy of each small object that only names things (an element of a finding, an element
   * status with no place), which the analyses repeat as often as their strings. Nothing changes
   * such an object once it is filed.
   */
  private objects = new Map<string, object>();

  /** The pool's copy of a string (this one, the first time it is seen). */
  share<T extends string>(value: T): T {
    const known = this.strings.get(value);
    if (known !== undefined) return known as T;
    if (this.strings.size >= MAX_STRINGS) this.strings = new Map();
    this.strings.set(value, value);
    return value;
  }

  /** The pool's copy of an object with these fields (this one, the first time one is seen). */
  private shareObject<T extends object>(key: string, value: T): T {
    const known = this.objects.get(key);
    if (known !== undefined) return known as T;
    if (this.objects.size >= MAX_STRINGS) this.objects = new Map();
    this.objects.set(key, value);
    return value;
  }

  /** Replaces, in place, an analysis's repeated strings (and its objects that only name things) by the pool's copies. */
  shareAnalysis(analyzed: AnalyzedDocument): void {
    const { summary } = analyzed;
    summary.path = this.share(summary.path);
    for (const field of SCALAR_FIELDS) {
      const value = summary[field];
      if (value !== undefined) summary[field] = this.share(value);
    }
    for (const [control, statuses] of Object.entries(summary.elements)) summary.elements[control] = statuses.map((status) => this.shareStatus(status));
    for (const mention of summary.mentions) {
      mention.id = this.share(mention.id);
      mention.text = this.share(mention.text);
    }
    for (const claim of [...summary.clauses, ...summary.related]) this.shareLocated(claim);
    for (const heading of summary.headings) heading.title = this.share(heading.title);
    for (const link of summary.links) link.url = this.share(link.url);
    this.shareFindings(analyzed.findings);
  }

  /**
   * Replaces, in place, the findings' repeated strings by the pool's copies. One document's findings
   * also share their equal ranges (a missing-element finding's related places and fixes all point at
   * the claim or the insertion point), and every fix the pool's selection object for its offsets.
   */
  shareFindings(findings: Finding[]): void {
    const ranges = new Map<string, Range>();
    const range = (value: Range) => {
      const key = `${value.start}:${value.end}`;
      const known = ranges.get(key);
      if (known) return known;
      ranges.set(key, value);
      return value;
    };
    for (const finding of findings) {
      finding.range = range(finding.range);
      finding.ruleId = this.share(finding.ruleId);
      finding.path = this.share(finding.path);
      finding.message = this.share(finding.message);
      finding.severity = this.share(finding.severity);
      if (finding.clause !== undefined) finding.clause = this.share(finding.clause);
      if (finding.element !== undefined) finding.element = this.share(finding.element);
      if (finding.elements) finding.elements = finding.elements.map(({ id, title }) => this.shareObject(`element\0${id}\0${title}`, { id: this.share(id), title: this.share(title) }));
      for (const place of finding.related ?? []) {
        place.message = this.share(place.message);
        place.range = range(place.range);
      }
      for (const fix of finding.fixes) {
        fix.title = this.share(fix.title);
        for (const edit of fix.edits) {
          edit.newText = this.share(edit.newText);
          edit.range = range(edit.range);
        }
        if (fix.select) fix.select = this.shareObject(`select\0${fix.select.edit}\0${fix.select.start}\0${fix.select.end}`, fix.select);
        if (fix.claims) fix.claims = fix.claims.map((claim) => this.share(claim));
      }
    }
  }

  /**
   * The pool's one fix that only names itself (its title and whether it is automatic) without edits:
   * what a closed document of the language server keeps of each fix (see Session.findingsWithFixes).
   * Thousands of findings hold the same few; nothing changes such a fix once it is filed.
   */
  fixNote(fix: Fix): Fix {
    const title = this.share(fix.title);
    return this.shareObject(`fix\0${fix.automatic ? 1 : 0}\0${title}`, { title, automatic: fix.automatic, edits: [] } as Fix);
  }

  /** An element status with shared strings; one with no place (not found) is the pool's one object for its id and state. */
  private shareStatus(status: ElementStatus): ElementStatus {
    status.id = this.share(status.id);
    status.state = this.share(status.state);
    if (status.heading !== undefined) status.heading = this.share(status.heading);
    if (status.words) status.words = status.words.map((word) => this.share(word));
    const placeless = status.line === undefined && status.heading === undefined && status.words === undefined;
    return placeless ? this.shareObject(`status\0${status.id}\0${status.state}`, status) : status;
  }

  /** A frontmatter value's strings (a claimed control or related id): the same few in many documents. */
  private shareLocated(located: Located): void {
    located.value = this.share(located.value);
    located.source = this.share(located.source);
  }
}

/** The process's pool: the checking threads' results (CLI and server) and the server's workspace share one. */
export const sharedStrings = new SharedStrings();
