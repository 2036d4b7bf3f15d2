import type { Root } from 'mdast';
import { DEFAULT_LIMITS, type ParseLimits } from '../config/types';
import { readBody } from './body';
import { markEditorDocument, type BodyReadings } from './bodyReadings';
import { complexityProblem, measureComplexity } from './complexity';
import { MAX_DOCUMENT_BYTES } from './decode';
import { readFrontmatter } from './frontmatter';
import { computeLineStarts, positionAt } from './lines';
import type { PolicyDocument, Range, ReadProblem, Suppression } from './types';
import { hasBom, withoutBom } from '../text/bom';

/**
 * Parses one Markdown file into a PolicyDocument. Never throws; oversized or unreadable text, and
 * text over the pre-scan's limits (Markdown that would take remark super-linear time), is reported, not parsed.
 * With `bodies` (an editor's open documents), a body unchanged since the previous version is not parsed again.
 */
export function parsePolicyDocument(path: string, rawText: string, readProblem?: ReadProblem, limits: ParseLimits = DEFAULT_LIMITS, bodies?: BodyReadings): PolicyDocument {
  const bom = hasBom(rawText);
  const text = withoutBom(rawText);
  const lineStarts = computeLineStarts(text);
  const document: PolicyDocument = { path, text, bom, lineStarts, sections: [], blocks: [], mentions: [], links: [], suppressions: [], readProblem };
  document.readProblem = unparsedBecause(text, readProblem, limits);
  if (document.readProblem && document.readProblem.kind !== 'encoding') return document;
  const frontmatter = readFrontmatter(text);
  document.frontmatter = frontmatter;
  // remark-frontmatter knows only a block opened and closed with ---; a block closed with ..., or a
  // comply header with no opening fence, is blanked (offsets kept) so its YAML is not read as Markdown.
  const foreign = frontmatter?.header || (frontmatter?.closed && text.startsWith('...', frontmatter.contentRange.end));
  const bodyText = foreign ? blank(text, frontmatter!.range.end) : text;
  const read = (tree?: Root) => readBody(bodyText, (offset) => positionAt(lineStarts, offset).line, tree);
  Object.assign(document, bodies && !foreign ? bodies.read(path, text, lineStarts, frontmatter, read) : read());
  if (bodies) markEditorDocument(document);
  if (frontmatter) document.suppressions.unshift(...frontmatterSuppressions(text, frontmatter.contentRange, lineStarts));
  return document;
}

/**
 * Why a text (its byte-order mark removed) is not parsed at all: a read problem other than its
 * encoding, over the size Clausewise reads, or over the pre-scan's limits. An encoding problem is
 * returned too, but such a text is still parsed.
 */
export function unparsedBecause(text: string, readProblem: ReadProblem | undefined, limits: ParseLimits): ReadProblem | undefined {
  if (text.length > MAX_DOCUMENT_BYTES) {
    readProblem ??= { kind: 'too-large', message: `the document is over ${MAX_DOCUMENT_BYTES / 1048576} MB, more than Clausewise reads; split it` };
  }
  if (readProblem && readProblem.kind !== 'encoding') return readProblem;
  const tooComplex = complexityProblem(measureComplexity(text), limits);
  return tooComplex ? { kind: 'too-complex', ...tooComplex } : readProblem;
}

function blank(text: string, end: number): string {
  return text.slice(0, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}

const YAML_SUPPRESSION = /#\s*clausewise-(disable-next-line|disable-file|disable|enable)\b([^\r\n]*)/g;

/** Suppression comments written as YAML comments inside the frontmatter (`# clausewise-disable-next-line rule`). */
function frontmatterSuppressions(text: string, content: Range, lineStarts: number[]): Suppression[] {
  const source = text.slice(content.start, content.end);
  if (!source.includes('clausewise-')) return [];
  return [...source.matchAll(YAML_SUPPRESSION)].map((match) => {
    const start = content.start + match.index!;
    return {
      kind: match[1] as Suppression['kind'],
      rules: match[2]!.split(/[\s,]+/).filter(Boolean),
      line: positionAt(lineStarts, start).line,
      range: { start, end: start + match[0].length },
    };
  });
}
