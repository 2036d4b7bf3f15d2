import type { Root, RootContent } from 'mdast';
import { parseMarkdown, section, type BodyParts } from './body';
import { editedTree, move, textChange, type TreeReading } from './editedTree';
import { positionAt } from './lines';
import type { Frontmatter, PolicyDocument, Range, TextBlock } from './types';

/** One document as last read: its text and Markdown tree, where its body began, and what was read from the body. */
interface BodyReading extends TreeReading {
  /** Offset and line where the body begins (just after the frontmatter's closing fence). */
  start: number;
  line: number;
  /** The frontmatter node of its tree (none when the text has no frontmatter). */
  node?: RootContent;
  parts: BodyParts;
}

/** Documents whose reading is kept: those open in an editor are few, and each keeps its Markdown tree. */
export const CAPACITY = 8;

/** The documents parsed with body readings: versions of a document open in an editor, each likely followed by another. */
const editorDocuments = new WeakSet<PolicyDocument>();

/** Whether a document was parsed as an editor's open document (see BodyReadings): what is read from it may be kept for its next version. */
export function isEditorDocument(document: PolicyDocument): boolean {
  return editorDocuments.has(document);
}

/** Notes that a document was parsed with body readings (see isEditorDocument). */
export function markEditorDocument(document: PolicyDocument): void {
  editorDocuments.add(document);
}

/**
 * The body readings of the documents open in an editor, from their previous versions. An edit of the
 * frontmatter alone (a claimed clause, a review date) leaves the Markdown after it as it was: its
 * sections, blocks, mentions, links and suppressions are then those of the previous version, moved by
 * as many characters and lines as the frontmatter grew or shrank, and the Markdown is not parsed again.
 * An edit of the body parses again only the part between the headings around it (editedTree).
 * Parsing is most of an edit's work (a 30 KB document: some three quarters of it).
 */
export class BodyReadings {
  private readonly readings = new Map<string, BodyReading>();

  /**
   * The body parts of a document's text: the previous version's when its body is unchanged, else
   * `read`'s from its Markdown tree (parsed in part when it can be).
   */
  read(path: string, text: string, lineStarts: number[], frontmatter: Frontmatter | undefined, read: (tree: Root) => BodyParts): BodyParts {
    const previous = this.readings.get(path);
    this.readings.delete(path);
    const change = previous && textChange(previous.text, text);
    // The frontmatter as it was (an edit of the body): where the body starts is known without parsing it.
    const sameFrontmatter = previous && change && frontmatter?.range.end === previous.start && change.same >= previous.start;
    const found = sameFrontmatter ? { start: previous.start, node: previous.node } : bodyStart(text, frontmatter);
    if (found === undefined) return read(parseMarkdown(text));
    const { start, node } = found;
    const line = positionAt(lineStarts, start).line;
    // The body as it was: the same length, and no change after its start (a text read again as it was, or
    // an edit of the frontmatter alone). A change that `textChange` counts ambiguously only parses again.
    const bodyLength = text.length - start;
    const unchanged =
      previous !== undefined && bodyLength === previous.text.length - previous.start && (previous.text === text || change!.sameEnd >= bodyLength);
    let parts: BodyParts;
    let tree: Root;
    if (unchanged) {
      parts = moved(previous.parts, start - previous.start, line - previous.line, text);
      const body = previous.tree.children.filter((child) => (child.position?.start.offset ?? 0) >= previous.start);
      for (const child of body) move(child, start - previous.start, line - previous.line);
      tree = { ...previous.tree, children: node ? [node, ...body] : body };
    } else {
      tree = (previous && editedTree(previous, text, lineStarts, start, change)) ?? parseMarkdown(text);
      parts = read(tree);
    }
    this.readings.set(path, { text, tree, start, line, ...(node ? { node } : {}), parts });
    if (this.readings.size > CAPACITY) this.readings.delete(this.readings.keys().next().value!);
    // Frontmatter suppressions are added to the document's list: the kept one stays as read.
    return { ...parts, suppressions: [...parts.suppressions] };
  }
}

/**
 * Where the body begins when the Markdown parser reads the frontmatter as one frontmatter node ending
 * there, so that what follows parses the same whatever the frontmatter holds; undefined when it does
 * not (a comply header or a block closed with `...`, which are blanked before parsing; an unclosed
 * block). A text without frontmatter is all body.
 */
function bodyStart(text: string, frontmatter: Frontmatter | undefined): { start: number; node?: RootContent } | undefined {
  if (!frontmatter) return { start: 0 };
  if (frontmatter.header || !frontmatter.closed) return undefined;
  const end = frontmatter.range.end;
  const prefix = parseMarkdown(text.slice(0, end));
  const [node, ...rest] = prefix.children;
  const whole = rest.length === 0 && (node?.type === 'yaml' || (node?.type as string) === 'toml');
  return whole && text.slice(0, end).trimEnd().endsWith(frontmatter.format === 'yaml' ? '---' : '+++') ? { start: end, node } : undefined;
}

/** Body parts read at another offset, moved by `delta` characters and `lines` lines onto `text`. */
function moved(parts: BodyParts, delta: number, lines: number, text: string): BodyParts {
  if (delta === 0 && lines === 0) return parts;
  const shift = (range: Range): Range => ({ start: range.start + delta, end: range.end + delta });
  const block = (each: TextBlock): TextBlock => ({
    ...each,
    range: shift(each.range),
    own: each.own.map(shift),
    context: each.context.map(shift),
    ...(each.title ? { title: shift(each.title) } : {}),
  });
  return {
    ...parts,
    sections: parts.sections.map((each) => section(each.kind, each.title, each.depth, shift(each.titleRange), shift(each.bodyRange), text)),
    blocks: parts.blocks.map(block),
    mentions: parts.mentions.map((mention) => ({ ...mention, range: shift(mention.range) })),
    links: parts.links.map((link) => ({ ...link, range: shift(link.range) })),
    suppressions: parts.suppressions.map((suppression) => ({ ...suppression, line: suppression.line + lines, range: shift(suppression.range) })),
    ...(parts.unclosed ? { unclosed: { ...parts.unclosed, range: shift(parts.unclosed.range) } } : {}),
  };
}
