import { elementIds } from '../model/summary';
import { relative } from 'node:path';
import {
  CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type CompletionParams, type Range as LspRange,
} from 'vscode-languageserver';
import type { Catalog } from '../catalog/catalog';
import { normalizeClauseId } from '../catalog/clauseId';
import { elementsFor } from '../config/elements';
import { completionSiteAt, type CompletionSite } from '../document/completionSite';
import { exclusionKeys, frontmatterKey, frontmatterKeys, inclusionReasonKeys, itemKeys } from '../document/frontmatterKeys';
import type { SessionDocument } from '../engine/session';
import type { ServerContext } from './context';
import { toLspRange, toOffset } from './conversion';
import { suggestionRanks } from './suggestedClauses';

/** Characters after which the client should ask again: `## `, `[`, `, `, `- `, `: `, `§`, and dots inside ids. */
export const COMPLETION_TRIGGERS = [' ', '#', '[', ',', '.', '§'];

/** textDocument/completion: frontmatter keys and values, clause and document ids, and missing sections at a new heading. */
export async function completion(context: ServerContext, params: CompletionParams): Promise<CompletionList | null> {
  const entry = await context.workspace.upToDate(params.textDocument.uri);
  if (!entry?.document) return null;
  const site = completionSiteAt(entry.document, toOffset(entry.treeless, params.position));
  if (!site) return null;
  const snippets = context.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
  const range = toLspRange(entry.treeless, site.range);
  const items = itemsFor(site, entry, range, snippets);
  return items.length ? { isIncomplete: false, items } : null;
}

function itemsFor(site: CompletionSite, entry: SessionDocument, range: LspRange, snippets: boolean): CompletionItem[] {
  const { catalog } = entry.set;
  switch (site.kind) {
    case 'key':
      return keyItems(site.present, site.colonFollows, range, snippets);
    case 'exclusion-key':
      return exclusionKeyItems(site.newItem, site.indent, range, snippets);
    case 'soa-key':
      return applicabilityKeyItems(site.newItem, site.indent, range, snippets);
    case 'soa-reason':
      return inclusionReasonKeys().map((info) => ({ label: info.key, kind: CompletionItemKind.Property, documentation: info.description, textEdit: { range, newText: `${info.key}: ` } }));
    case 'heading':
      return headingItems(entry, range, snippets);
    case 'mention':
      return clauseItems(catalog, site.prefix, range, { list: 'scalar', indent: '', exclude: new Set() });
    case 'value':
      if (site.key === 'clauses') {
        const claimed = new Set(entry.analyzed.summary.clauses.map((claim) => normalizeClauseId(claim.source) ?? claim.source));
        return clauseItems(catalog, site.prefix, range, { list: site.list, indent: site.indent, exclude: claimed, objectives: true, ranks: suggestionRanks(entry) });
      }
      if (site.key === 'excludes' || site.key === 'applicability') return clauseItems(catalog, site.prefix, range, { list: 'scalar', indent: '', exclude: new Set() });
      if (site.key === 'related') return documentIdItems(entry, range);
      return (frontmatterKey(site.key)?.values ?? []).map((value) => ({ label: value, kind: CompletionItemKind.EnumMember, textEdit: { range, newText: value } }));
  }
}

function keyItems(present: string[], colonFollows: boolean, range: LspRange, snippets: boolean): CompletionItem[] {
  return frontmatterKeys()
    .filter((info) => !present.includes(info.key))
    .map((info, order): CompletionItem => {
      const item: CompletionItem = {
        label: info.key,
        kind: CompletionItemKind.Property,
        documentation: info.description,
        sortText: String(order).padStart(3, '0'),
        textEdit: { range, newText: colonFollows ? info.key : `${info.key}: ` },
      };
      if (colonFollows || !snippets) return item;
      const body =
        info.key === 'excludes' ? 'excludes:\n  - clause: $1\n    justification: $2'
        : info.key === 'applicability' ? `applicability:\n  - control: $1\n    reasons:\n      - risk: $2\n    owner: $3\n    status: \${4|${STATUSES}|}`
        : info.list ? `${info.key}: [$1]`
        : info.values ? `${info.key}: \${1|${info.values.join(',')}|}`
        : `${info.key}: $1`;
      return { ...item, insertTextFormat: InsertTextFormat.Snippet, textEdit: { range, newText: body } };
    });
}

const STATUSES = itemKeys('applicability').find((info) => info.key === 'status')!.values!.join(',');

function exclusionKeyItems(newItem: boolean, indent: string, range: LspRange, snippets: boolean): CompletionItem[] {
  const snippet = { label: 'clause + justification', detail: 'an excluded control with the reason it does not apply', filterText: 'clause', body: `clause: $1\n${indent}  justification: $2` };
  return itemKeyItems(exclusionKeys(), range, newItem && snippets ? snippet : undefined);
}

function applicabilityKeyItems(newItem: boolean, indent: string, range: LspRange, snippets: boolean): CompletionItem[] {
  const snippet = {
    label: 'control + reasons + owner + status',
    detail: 'an SoA entry: why the control is included, who owns it, how far it is implemented',
    filterText: 'control',
    body: `control: $1\n${indent}  reasons:\n${indent}    - risk: $2\n${indent}  owner: $3\n${indent}  status: \${4|${STATUSES}|}`,
  };
  return itemKeyItems(itemKeys('applicability'), range, newItem && snippets ? snippet : undefined);
}

/** The keys of a list item (an exclusion, an SoA entry), after a snippet for a whole new item when one fits. */
function itemKeyItems(keys: { key: string; description: string; required: boolean }[], range: LspRange, snippet?: { label: string; detail: string; filterText: string; body: string }): CompletionItem[] {
  const items: CompletionItem[] = keys.map((info) => ({
    label: info.key,
    kind: CompletionItemKind.Property,
    detail: info.required ? 'required' : 'optional',
    documentation: info.description,
    textEdit: { range, newText: `${info.key}: ` },
  }));
  if (snippet) {
    items.unshift({ label: snippet.label, kind: CompletionItemKind.Snippet, detail: snippet.detail, insertTextFormat: InsertTextFormat.Snippet, filterText: snippet.filterText, sortText: '0', textEdit: { range, newText: snippet.body } });
  }
  return items;
}

interface ClauseListStyle {
  list: 'flow' | 'block' | 'scalar';
  indent: string;
  exclude: Set<string>;
  /** Offer objectives too, inserting all their controls (only where a list can take several ids). */
  objectives?: boolean;
  /** Suggested controls for this document: listed first, best first, with their score. */
  ranks?: Map<string, { rank: number; score: number }>;
}

function clauseItems(catalog: Catalog, prefix: string, range: LspRange, style: ClauseListStyle): CompletionItem[] {
  const query = prefix.trim().replace(/^§/, '');
  const numeric = /^[\d.]*$/.test(query);
  const matches = (id: string, title: string) => (numeric ? id.startsWith(query) || query.startsWith(`${id}.`) : title.toLowerCase().includes(query.toLowerCase()));
  const filterText = (id: string, title: string) => (numeric ? id : `${query} ${id} ${title}`);
  const separator = style.list === 'flow' ? ', ' : `\n${style.indent}`;
  const items: CompletionItem[] = [];
  let order = 0;
  for (const objective of catalog.objectives) {
    const open = objective.controls.filter((control) => !style.exclude.has(control.id));
    if (style.objectives && !objective.implicit && style.list !== 'scalar' && open.length > 1 && matches(objective.id, objective.title)) {
      items.push({
        label: objective.id,
        kind: CompletionItemKind.Module,
        detail: `${objective.title}: all ${open.length} controls`,
        sortText: `1${String(order).padStart(4, '0')}`,
        filterText: filterText(objective.id, objective.title),
        textEdit: { range, newText: open.map((control) => control.id).join(separator) },
      });
    }
    order++;
    for (const control of open) {
      if (!matches(control.id, control.title)) continue;
      const suggested = style.ranks?.get(control.id);
      const position = order++;
      items.push({
        label: control.id,
        kind: CompletionItemKind.Value,
        detail: control.title,
        labelDetails: suggested ? { detail: ` suggested ${suggested.score.toFixed(2)}`, description: control.title } : { description: control.title },
        documentation: { kind: MarkupKind.Markdown, value: control.summary },
        // Suggested controls first, best first; then catalog order.
        sortText: suggested ? `0${String(suggested.rank).padStart(4, '0')}` : `1${String(position).padStart(4, '0')}`,
        filterText: filterText(control.id, control.title),
        textEdit: { range, newText: control.id },
      });
    }
  }
  return items;
}

function documentIdItems(entry: SessionDocument, range: LspRange): CompletionItem[] {
  const { summary } = entry.analyzed;
  const listed = new Set(summary.related.map((reference) => reference.value));
  return entry.set.index
    .policies()
    .filter((other) => other.id && other.path !== entry.path && !listed.has(other.id.value))
    .map((other) => ({
      label: other.id!.value,
      kind: CompletionItemKind.Reference,
      detail: other.title,
      documentation: [other.type, other.status, other.owner, relative(entry.set.config.root, other.path)].filter(Boolean).join(' · '),
      textEdit: { range, newText: other.id!.value },
    }));
}

function headingItems(entry: SessionDocument, range: LspRange, snippets: boolean): CompletionItem[] {
  const { catalog, config } = entry.set;
  const items: CompletionItem[] = [];
  for (const [controlId, states] of Object.entries(entry.analyzed.summary.elements)) {
    const control = catalog.control(controlId);
    if (!control) continue;
    for (const element of elementsFor(control, config).filter((candidate) => elementIds(states, 'missing').includes(candidate.id))) {
      const prompt = `TODO: ${element.prompt}`;
      items.push({
        label: element.title,
        kind: CompletionItemKind.Snippet,
        detail: `missing for ${control.id} ${control.title}`,
        documentation: element.prompt,
        filterText: element.title,
        insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        textEdit: { range, newText: snippets ? `${escapeSnippet(element.title)}\n\n\${1:${escapeSnippet(prompt)}}` : element.title },
      });
    }
  }
  return items;
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (character) => `\\${character}`);
}
