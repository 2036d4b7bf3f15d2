import { readFrontmatter } from '../document/frontmatter';
import type { Frontmatter, FrontmatterField, PolicyDocument } from '../document/types';
import { withoutBom } from '../text/bom';

/** What the change-discipline rules compare between a document's base and head texts. */
export interface ChangeSinceBase {
  /** The head's frontmatter, for the ranges findings point at. */
  head: Frontmatter;
  before: Facts;
  after: Facts;
  bodyChanged: boolean;
  claimsChanged: boolean;
  /** The change adds or edits a line of the document's revision history (a reason for a status change). */
  historyChanged: boolean;
}

interface Facts {
  status?: string;
  version?: string;
  effective?: string;
  approvedBy?: string;
}

/** The documents at a base revision, as far as this comparison reads them. */
interface BaseTexts {
  textOf(path: string): string | undefined;
}

/**
 * How a document changed since the base revision: undefined without a base, when the document is
 * new there, or when either side has no readable frontmatter. The rules about change discipline
 * open with this; the comparison is made once per document and base text, whichever rule asks first.
 */
export function changeSinceBaseOf(document: HeadDocument, base: BaseTexts | undefined): ChangeSinceBase | undefined {
  const baseText = base?.textOf(document.path);
  if (baseText === undefined) return undefined;
  const known = compared.get(document);
  if (known?.baseText === baseText) return known.change;
  const change = compare(document, baseText);
  compared.set(document, { baseText, change });
  return change;
}

/** The document now: its frontmatter when its parse is at hand (not for a document checked on another thread). */
type HeadDocument = Pick<PolicyDocument, 'path' | 'text' | 'frontmatter'>;

/** Each document's comparison with the base text it was last compared with. */
const compared = new WeakMap<HeadDocument, { baseText: string; change: ChangeSinceBase | undefined }>();

/**
 * Compares a document's text at the base with the document now (its frontmatter as already parsed,
 * else read once); undefined when either has no readable frontmatter.
 */
function compare(document: HeadDocument, baseText: string): ChangeSinceBase | undefined {
  const base = withoutBom(baseText);
  const before = readFrontmatter(base);
  // The document's text has no byte-order mark (the parse strips it), so its frontmatter's offsets are the text's.
  const after = document.frontmatter ?? readFrontmatter(document.text);
  if (!before?.data || !after?.data) return undefined;
  const bodyBefore = normalize(base.slice(before.range.end));
  const bodyAfter = normalize(document.text.slice(after.range.end));
  const claims = (frontmatter: Frontmatter) => JSON.stringify([frontmatter.data!.clauses ?? null, frontmatter.data!.excludes ?? null]);
  const history = (body: string) => new Set(historyLines(body));
  const oldHistory = history(bodyBefore);
  return {
    head: after,
    before: facts(before),
    after: facts(after),
    bodyChanged: bodyBefore !== bodyAfter,
    claimsChanged: claims(before) !== claims(after),
    historyChanged: [...history(bodyAfter)].some((line) => !oldHistory.has(line)),
  };
}

function facts(frontmatter: Frontmatter): Facts {
  const text = (key: string) => scalar(frontmatter.fields.get(key));
  return { status: text('status'), version: text('version'), effective: text('effective'), approvedBy: text('approved-by') };
}

function scalar(field: FrontmatterField | undefined): string | undefined {
  const value = field?.value;
  if (value === undefined || value === null) return undefined;
  return value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Line endings and trailing spaces are not a change of substance. */
function normalize(body: string): string {
  return body.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim();
}

const HISTORY_HEADING = /^(#{1,6})\s+(?:\d+(?:\.\d+)*\.?\s+)?(?:document\s+|revision\s+|version\s+|change\s+|amendment\s+)(?:history|log|record|control)\b/i;

/** The non-blank lines under a "Revision history", "Change log", "Version history" or "Document control" heading. */
function historyLines(body: string): string[] {
  const lines = body.split('\n');
  const found: string[] = [];
  let depth = 0;
  for (const line of lines) {
    const heading = /^(#{1,6})\s/.exec(line);
    if (heading) {
      const history = HISTORY_HEADING.exec(line);
      if (history) depth = history[1]!.length;
      else if (depth && heading[1]!.length <= depth) depth = 0;
      continue;
    }
    if (depth && line.trim()) found.push(line.trim());
  }
  return found;
}
