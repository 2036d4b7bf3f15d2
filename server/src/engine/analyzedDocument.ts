import type { PolicyDocument, Suppression } from '../document/types';
import { computeLineStarts } from '../document/lines';
import type { Finding } from '../findings/types';
import type { DocumentSummary } from '../model/summary';
import { withoutBom } from '../text/bom';

/**
 * What survives of a document after its own analysis: the summary, the findings of the rules that
 * read only this document, and what workspace rules need. Serialisable (worker threads, cache).
 */
export interface AnalyzedDocument {
  summary: DocumentSummary;
  findings: Finding[];
  suppressions: Suppression[];
  bom: boolean;
  /** The parse ran out of time and was stopped (not kept in a cache: it may pass on a quieter machine). */
  stopped?: boolean;
  /**
   * The suggestion score of each control of the catalog, in catalog order (0: no evidence), when the
   * job asked for it (the language server's closed policy documents, once Where Could This Go? was
   * first asked: see Session.keepSuggestionScores): Where Could This Go? ranks
   * thousands of documents for one control from these, without parsing them again. 8 bytes a control.
   */
  suggestionScores?: Float64Array;
}

/**
 * A document without its parse tree (no sections, blocks, mentions or links): text, line starts and
 * suppressions, which is all that workspace rules, formatters and positions read, standing in for
 * the PolicyDocument once the tree is gone.
 * `lineStarts` are the parsed document's, when it is still at hand.
 */
export function treelessDocument(path: string, text: string, analyzed: AnalyzedDocument, lineStarts?: number[]): PolicyDocument {
  const body = analyzed.bom ? withoutBom(text) : text;
  return { path, text: body, bom: analyzed.bom, lineStarts: lineStarts ?? computeLineStarts(body), sections: [], blocks: [], mentions: [], links: [], suppressions: analyzed.suppressions };
}

/**
 * A treeless document that keeps no copy of the text: `text` is read again (`read`, the file's text) each time it
 * is asked for. For documents no editor holds, whose text only a request about that very document
 * needs; line starts, enough for positions and for the workspace rules, are kept.
 */
export function treelessReadingText(path: string, text: string, analyzed: AnalyzedDocument, read: (path: string) => string): PolicyDocument {
  const treeless = treelessDocument(path, text, analyzed);
  Object.defineProperty(treeless, 'text', { get: () => (analyzed.bom ? withoutBom(read(path)) : read(path)), enumerable: true });
  return treeless;
}
