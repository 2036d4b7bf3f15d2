import { SymbolKind, type CancellationToken, type DocumentSymbol, type DocumentSymbolParams, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver';
import type { FrontmatterField, Section } from '../document/types';
import { lineRange } from '../rules/edits';
import type { SessionDocument } from '../engine/session';
import { afterIndexing, throwIfCancelled, type ServerContext } from './context';
import { toLspRange, type LineMap } from './conversion';

/** textDocument/documentSymbol: the frontmatter keys as one group, then the headings as a tree. */
export async function documentSymbols(context: ServerContext, params: DocumentSymbolParams): Promise<DocumentSymbol[] | null> {
  const entry = await context.workspace.upToDate(params.textDocument.uri);
  const document = entry?.document;
  if (!entry || !document) return null;
  const symbols: DocumentSymbol[] = [];
  const frontmatter = document.frontmatter;
  if (frontmatter) {
    const firstLine = toLspRange(entry.treeless, lineRange(document, 0));
    symbols.push({
      name: 'frontmatter',
      kind: SymbolKind.Namespace,
      range: toLspRange(entry.treeless, frontmatter.range),
      selectionRange: firstLine,
      children: [...frontmatter.fields.values()].map((field) => fieldSymbol(entry.treeless, field)),
    });
  }
  return [...symbols, ...headingTree(entry.treeless, document.sections.filter((section) => section.kind === 'heading'))];
}

function fieldSymbol(lines: LineMap, field: FrontmatterField): DocumentSymbol {
  const value = Array.isArray(field.value) ? field.value.map((item) => (typeof item === 'object' ? (item as { clause?: unknown })?.clause ?? '…' : item)).join(', ') : field.value;
  const detail = value === null || value === undefined ? '' : String(value instanceof Date ? value.toISOString().slice(0, 10) : value);
  return {
    name: field.key,
    detail: detail.length > 60 ? `${detail.slice(0, 59)}…` : detail,
    kind: SymbolKind.Key,
    range: toLspRange(lines, { start: field.keyRange.start, end: Math.max(field.keyRange.end, field.valueRange.end) }),
    selectionRange: toLspRange(lines, field.keyRange),
  };
}

function headingTree(lines: LineMap, headings: Section[]): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const stack: { depth: number; symbol: DocumentSymbol }[] = [];
  for (const heading of headings) {
    const symbol: DocumentSymbol = {
      name: heading.title || '(empty heading)',
      kind: SymbolKind.String,
      range: toLspRange(lines, { start: heading.titleRange.start, end: heading.bodyRange.end }),
      selectionRange: toLspRange(lines, heading.titleRange),
      children: [],
    };
    while (stack.length && stack.at(-1)!.depth >= heading.depth) stack.pop();
    (stack.at(-1)?.symbol.children ?? roots).push(symbol);
    stack.push({ depth: heading.depth, symbol });
  }
  return roots;
}

/** workspace/symbol: policy documents by id and title, and controls at the documents that claim them. */
export async function workspaceSymbols(context: ServerContext, params: WorkspaceSymbolParams, token: CancellationToken): Promise<WorkspaceSymbol[]> {
  await afterIndexing(context, token);
  const query = params.query.trim().toLowerCase();
  const matches = (...texts: (string | undefined)[]) => query === '' || texts.some((text) => text?.toLowerCase().includes(query));
  const { session } = context.workspace;
  const symbols: WorkspaceSymbol[] = [];
  for (const set of session.policySets()) {
    const policies = set.index.policies().map((summary) => session.get(summary.path)).filter((entry): entry is SessionDocument => entry !== undefined);
    for (const entry of policies) {
      const { id, title } = entry.analyzed.summary;
      if (!matches(id?.value, title)) continue;
      symbols.push({
        name: id?.value ?? title ?? entry.path,
        kind: SymbolKind.File,
        containerName: title,
        location: { uri: context.workspace.uriOf(entry.path), range: toLspRange(entry.treeless, id?.range ?? { start: 0, end: 0 }) },
      });
    }
    throwIfCancelled(token);
    for (const entry of policies) {
      for (const claim of entry.analyzed.summary.clauses) {
        const control = set.catalog.control(claim.source);
        if (!control || !matches(control.id, control.title, `${control.id} ${control.title}`)) continue;
        symbols.push({
          name: `${control.id} ${control.title}`,
          kind: SymbolKind.Constant,
          containerName: entry.analyzed.summary.id?.value ?? entry.analyzed.summary.title,
          location: { uri: context.workspace.uriOf(entry.path), range: toLspRange(entry.treeless, claim.range) },
        });
      }
    }
  }
  return symbols;
}
