import type { Document } from 'yaml';
import { parseFrontmatterYaml } from './frontmatter';
import type { PolicyDocument } from './types';
import { withoutBom } from '../text/bom';

/**
 * A parsed document as a checking thread sends it: plain data without its text (the receiver has
 * it) and without the frontmatter's YAML document (class instances do not cross threads).
 */
export type TransferredDocument = Omit<PolicyDocument, 'text'>;

/** What a thread sends of a parsed document. Section getters are read into values on the way. */
export function transferable(document: PolicyDocument): TransferredDocument {
  const { text: _text, ...rest } = document;
  if (!rest.frontmatter?.yaml) return rest;
  const { yaml: _yaml, ...frontmatter } = rest.frontmatter;
  return { ...rest, frontmatter };
}

/**
 * The document again on the receiving side, with `text` the full text sent (a byte-order mark
 * included). The frontmatter's YAML document, which edits and hover ranges read, is parsed again
 * only when first asked for: it is the frontmatter alone, already known to parse within the limit.
 */
export function received(transferred: TransferredDocument, text: string): PolicyDocument {
  const document: PolicyDocument = { ...transferred, text: transferred.bom ? withoutBom(text) : text };
  const frontmatter = document.frontmatter;
  if (frontmatter?.format === 'yaml' && frontmatter.closed && frontmatter.data !== undefined) {
    const { start, end } = frontmatter.contentRange;
    let yaml: Document | undefined;
    Object.defineProperty(frontmatter, 'yaml', { enumerable: true, configurable: true, get: () => (yaml ??= parseFrontmatterYaml(document.text.slice(start, end))) });
  }
  return document;
}
