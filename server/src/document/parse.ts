import { readBody } from './body';
import { MAX_DOCUMENT_BYTES } from './decode';
import { readFrontmatter } from './frontmatter';
import { computeLineStarts, positionAt } from './lines';
import type { PolicyDocument, ReadProblem } from './types';

/** Parses one Markdown file into a PolicyDocument. Never throws; oversized or unreadable text is reported, not parsed. */
export function parsePolicyDocument(path: string, rawText: string, readProblem?: ReadProblem): PolicyDocument {
  const bom = rawText.charCodeAt(0) === 0xfeff;
  const text = bom ? rawText.slice(1) : rawText;
  const lineStarts = computeLineStarts(text);
  const document: PolicyDocument = { path, text, bom, lineStarts, sections: [], mentions: [], links: [], suppressions: [], readProblem };
  if (text.length > MAX_DOCUMENT_BYTES) {
    document.readProblem ??= { kind: 'too-large', message: `the document is over ${MAX_DOCUMENT_BYTES / 1048576} MB, more than Clausewise reads; split it` };
  }
  if (document.readProblem && document.readProblem.kind !== 'encoding') return document;
  document.frontmatter = readFrontmatter(text);
  Object.assign(document, readBody(text, (offset) => positionAt(lineStarts, offset).line));
  return document;
}
