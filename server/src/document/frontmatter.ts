import { yamlSyntaxProblems } from '../yaml/syntaxErrors';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { Exclusion, Frontmatter, FrontmatterField, Located, Range } from './types';

const OPEN = /^(---|\+\+\+)[ \t]*(?:\r\n|\n|\r|$)/;
/** Aliases are never needed in frontmatter; a small cap stops expansion bombs. */
const MAX_ALIAS_COUNT = 20;

/** Finds and parses a frontmatter block at the very start of the text (YAML `---` or TOML `+++`, or a comply-style header). */
export function readFrontmatter(text: string): Frontmatter | undefined {
  const open = OPEN.exec(text);
  if (!open) return readHeader(text);
  const fence = open[1]!;
  const contentStart = open[0].length;
  const close = findClosingFence(text, contentStart, fence);
  const contentEnd = close?.start ?? text.length;
  const frontmatter: Frontmatter = {
    format: fence === '---' ? 'yaml' : 'toml',
    range: { start: 0, end: close?.end ?? text.length },
    contentRange: { start: contentStart, end: contentEnd },
    closed: close !== undefined,
    fields: new Map(),
    syntaxErrors: [],
  };
  if (frontmatter.format === 'yaml' && frontmatter.closed) parseYaml(text.slice(contentStart, contentEnd), contentStart, frontmatter);
  return frontmatter;
}

/** The keys comply itself reads from a header (its documents and procedures); not Clausewise's to flag. */
export const COMPLY_KEYS: readonly string[] = ['name', 'acronym', 'satisfies', 'majorRevisions', 'live', 'cron'];

/** A header is short; past this the first `---` line is not looked for. */
const MAX_HEADER_CHARS = 16384;
const HEADER_KEY_LINE = /^[A-Za-z_][\w.-]*:(?:[ \t]|$)/;

/**
 * strongdm/comply's form: YAML from the first line down to a `---` line, with no opening fence
 * (comply reads everything before the first `---` as its metadata). Recognised by the shape of its
 * lines, so that a YAML error in it is reported like one in any frontmatter, yet never assumed
 * where the text can be ordinary Markdown: the first line and at least one more start with `key:`
 * (one `Status: Draft` line over `---` is a setext heading), and no line is blank or starts with
 * `#` (a heading), except a `# clausewise-…` suppression comment.
 */
function readHeader(text: string): Frontmatter | undefined {
  const parts = text.slice(0, MAX_HEADER_CHARS).split(/(\r\n|\r|\n)/);
  if (!HEADER_KEY_LINE.test(parts[0]!)) return undefined;
  let keys = 0;
  for (let index = 0, offset = 0; index < parts.length; index += 2) {
    const line = parts[index]!;
    const next = offset + line.length + (parts[index + 1]?.length ?? 0);
    if (/^---[ \t]*$/.test(line)) return keys >= 2 ? headerFrontmatter(text, offset, next) : undefined;
    if (/^[ \t]*$/.test(line) || (/^ {0,3}#/.test(line) && !/^\s*#\s*clausewise-/.test(line))) return undefined;
    if (HEADER_KEY_LINE.test(line)) keys++;
    offset = next;
  }
  return undefined;
}

function headerFrontmatter(text: string, contentEnd: number, end: number): Frontmatter {
  const frontmatter: Frontmatter = {
    format: 'yaml',
    header: true,
    range: { start: 0, end },
    contentRange: { start: 0, end: contentEnd },
    closed: true,
    fields: new Map(),
    syntaxErrors: [],
  };
  parseYaml(text.slice(0, contentEnd), 0, frontmatter);
  return frontmatter;
}

function findClosingFence(text: string, from: number, fence: string): Range | undefined {
  const pattern = fence === '---' ? /^(?:---|\.\.\.)[ \t]*$/gm : /^\+\+\+[ \t]*$/gm;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match.index < from) continue;
    let end = match.index + match[0].length;
    if (text[end] === '\r') end++;
    if (text[end] === '\n') end++;
    return { start: match.index, end };
  }
  return undefined;
}

/** Frontmatter is a few hundred bytes; past this its YAML is not parsed (checking a huge mapping for duplicate keys takes quadratic time). */
export const MAX_FRONTMATTER_CHARS = 64 * 1024;

/**
 * The YAML document of frontmatter source. The yaml package knows only "\n" and "\r\n" as line
 * breaks, so a lone "\r" (old Mac line endings) becomes "\n" first: the same length, so every
 * range still points into the original text.
 */
export function parseFrontmatterYaml(source: string): Document {
  const lines = source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
  return parseDocument(lines, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
}

function parseYaml(source: string, base: number, frontmatter: Frontmatter): void {
  if (source.length > MAX_FRONTMATTER_CHARS) {
    frontmatter.syntaxErrors.push({
      message: `the frontmatter is ${Math.ceil(source.length / 1024)} KB, more than the ${MAX_FRONTMATTER_CHARS / 1024} KB Clausewise reads; keep only the document's metadata in it`,
      range: { start: base, end: base },
    });
    return;
  }
  const doc = parseFrontmatterYaml(source);
  frontmatter.yaml = doc;
  for (const problem of yamlSyntaxProblems(source, doc.errors)) {
    frontmatter.syntaxErrors.push({ message: problem.message, range: { start: base + problem.start, end: base + problem.end } });
  }
  if (frontmatter.syntaxErrors.length > 0) return;
  if (doc.contents === null) {
    frontmatter.data = {};
    return;
  }
  if (!isMap(doc.contents)) {
    frontmatter.syntaxErrors.push({ message: 'this is not a mapping of keys to values; write one "key: value" per line', range: rangeOf(doc.contents as Node, base) });
    return;
  }
  try {
    const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    frontmatter.data = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  } catch (error) {
    frontmatter.syntaxErrors.push({ message: `cannot read the frontmatter: ${(error as Error).message}`, range: rangeOf(doc.contents as Node, base) });
    return;
  }
  for (const pair of doc.contents.items as Pair<Node, Node | null>[]) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const keyRange = rangeOf(pair.key, base);
    const valueRange = pair.value?.range ? rangeOf(pair.value, base) : { start: keyRange.end + 1, end: keyRange.end + 1 };
    const field: FrontmatterField = { key, keyRange, valueRange, value: frontmatter.data?.[key] };
    frontmatter.fields.set(key, field);
  }
}

export function rangeOf(node: Node, base: number): Range {
  const range = node.range ?? [0, 0, 0];
  return { start: range[0] + base, end: range[1] + base };
}

/** Scalars of a list-valued key (`clauses: [9.1.1, 9.4.2]` or a block list), with their ranges. */
export function listItems(frontmatter: Frontmatter | undefined, key: string): Located[] {
  const node = valueNode(frontmatter, key);
  if (!node) return [];
  const base = frontmatter!.contentRange.start;
  if (isScalar(node)) {
    // A single id written without brackets: `clauses: 9.4.2`.
    return node.value === null ? [] : [locate(node, base)];
  }
  if (!isSeq(node)) return [];
  return node.items.filter((item): item is Node => isScalar(item) && item.value !== null).map((item) => locate(item, base));
}

/** The `excludes` entries with each part's range. */
export function exclusionItems(frontmatter: Frontmatter | undefined): Exclusion[] {
  const node = valueNode(frontmatter, 'excludes');
  if (!node || !isSeq(node)) return [];
  const base = frontmatter!.contentRange.start;
  return node.items.flatMap((item): Exclusion[] => {
    if (isScalar(item) && item.value !== null) return [{ clause: locate(item, base), range: rangeOf(item, base) }];
    if (!isMap(item)) return [];
    const part = (name: string): Located | undefined => {
      const value = item.get(name, true);
      return isScalar(value) && value.value !== null && value.value !== '' ? locate(value, base) : undefined;
    };
    return [{ clause: part('clause'), justification: part('justification'), until: part('until'), range: rangeOf(item as Node, base) }];
  });
}

/** A single scalar value with its range (`id: POL-AC-001`). */
export function scalarField(frontmatter: Frontmatter | undefined, key: string): Located | undefined {
  const node = valueNode(frontmatter, key);
  return node && isScalar(node) && node.value !== null ? locate(node, frontmatter!.contentRange.start) : undefined;
}

export function valueNode(frontmatter: Frontmatter | undefined, key: string): Node | undefined {
  const contents = frontmatter?.yaml?.contents;
  if (!frontmatter?.data || !isMap(contents)) return undefined;
  return (contents.get(key, true) as Node | undefined) ?? undefined;
}

export function locate(node: Node, base: number): Located {
  const scalar = node as Node & { value: unknown; source?: string };
  const value = scalar.value instanceof Date ? scalar.value.toISOString().slice(0, 10) : String(scalar.value);
  return { value, source: scalar.source ?? value, range: rangeOf(node, base) };
}
