import { configProblem, configProblemMessage } from '../configProblem';
import { basename } from 'node:path';
import {
  EventEmitter, MarkdownString, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState, Uri, window,
  type Disposable, type TreeDataProvider, type TreeView,
} from 'vscode';
import { NOT_RUNNING } from './emptySet';
import { DocumentsRequest, type DocumentClause, type PolicyDocumentInfo } from '../../../server/src/protocol/customMessages';
import { COMMANDS } from '../commands/ids';
import type { Ctx } from '../ctx';
import type { ClaimTarget } from './coverageItems';
import { groupDocuments, inReviewOrder, type DocumentGroup, type DocumentGrouping } from './documentGroups';
import { STATE_ICONS } from './stateIcons';

/** A node of the Documents tree: a group (by owner, status or type), a policy document, or one of the controls it claims. */
type DocumentNode =
  | { kind: 'group'; group: DocumentGroup; by: DocumentGrouping }
  | { kind: 'document'; document: PolicyDocumentInfo }
  | { kind: 'clause'; document: PolicyDocumentInfo; clause: DocumentClause };

/** Where the chosen grouping is kept (per workspace). */
const GROUPING_KEY = 'clausewise.documents.groupBy';

/**
 * The Documents view: each policy document with status, owner and review due date, and its controls
 * (clausewise/documents); overdue reviews first, optionally grouped by owner, status or type.
 */
export class DocumentsTree implements TreeDataProvider<DocumentNode>, Disposable {
  private readonly changed = new EventEmitter<DocumentNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: TreeView<DocumentNode>;
  private readonly subscription: Disposable;

  constructor(private readonly ctx: Ctx) {
    this.view = window.createTreeView('clausewise.documents', { treeDataProvider: this, showCollapseAll: true });
    this.subscription = ctx.onDidChangeCoverage(() => this.changed.fire(undefined));
  }

  /** The grouping in use (`none` until one is chosen). */
  grouping(): DocumentGrouping {
    return this.ctx.extension.workspaceState.get<DocumentGrouping>(GROUPING_KEY, 'none');
  }

  /** Groups the view by owner, status or type (or not at all), remembered for the workspace. */
  async groupBy(by: DocumentGrouping): Promise<void> {
    await this.ctx.extension.workspaceState.update(GROUPING_KEY, by);
    this.changed.fire(undefined);
  }

  getTreeItem(node: DocumentNode): TreeItem {
    if (node.kind === 'group') return groupItem(node.group, node.by);
    return node.kind === 'document' ? documentItem(node.document) : clauseItem(node.document, node.clause);
  }

  async getChildren(node?: DocumentNode): Promise<DocumentNode[]> {
    if (node?.kind === 'group') return node.group.documents.map((document) => ({ kind: 'document', document }));
    if (node?.kind === 'document') return node.document.clauses.map((clause) => ({ kind: 'clause', document: node.document, clause }));
    if (node) return [];
    if (!this.ctx.isRunning()) {
      this.view.message = NOT_RUNNING;
      return [];
    }
    try {
      const { documents } = await this.ctx.request(DocumentsRequest, null);
      const overdue = documents.filter((document) => document.overdue).length;
      const problem = configProblem();
      // No documents: the welcome content offers "Adopt this Folder…" and "Insert Policy Skeleton" instead of a message.
      this.view.message = problem ? configProblemMessage(problem) : undefined;
      this.view.description = overdue ? `${overdue} overdue for review` : undefined;
      const by = this.grouping();
      if (by !== 'none') return groupDocuments(documents, by).map((group) => ({ kind: 'group', group, by }));
      return inReviewOrder(documents).map((document) => ({ kind: 'document', document }));
    } catch (error) {
      this.view.message = `Clausewise could not list the documents: ${error instanceof Error ? error.message : String(error)}`;
      return [];
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.view.dispose();
    this.changed.dispose();
  }
}

function groupItem(group: DocumentGroup, by: DocumentGrouping): TreeItem {
  const item = new TreeItem(group.name, TreeItemCollapsibleState.Expanded);
  item.id = `group:${by}:${group.unset ? '' : group.name}`;
  const count = `${group.documents.length} document${group.documents.length === 1 ? '' : 's'}`;
  item.description = group.overdue ? `${count} · ${group.overdue} overdue for review` : count;
  item.iconPath = new ThemeIcon(by === 'owner' ? 'person' : by === 'status' ? 'pass' : 'symbol-file');
  item.tooltip = `${by[0]!.toUpperCase()}${by.slice(1)}: ${group.name} — ${item.description}`;
  item.accessibilityInformation = { label: `${by} ${group.name}: ${item.description}` };
  item.contextValue = 'group';
  return item;
}

function documentItem(document: PolicyDocumentInfo): TreeItem {
  const uri = Uri.parse(document.uri);
  const label = document.id ? `${document.id} ${document.title ?? ''}`.trim() : document.title ?? basename(uri.fsPath);
  const item = new TreeItem(label, document.clauses.length ? TreeItemCollapsibleState.Collapsed : TreeItemCollapsibleState.None);
  item.id = `document:${document.uri}`;
  const review = document.reviewDue ? (document.overdue ? `review overdue since ${document.reviewDue}` : `review due ${document.reviewDue}`) : 'no review date';
  item.description = [document.status ?? 'no status', document.owner, review].filter(Boolean).join(' · ');
  // Overdue reviews stand out: a warning icon in the warning colour, and the date first in the description.
  item.iconPath = document.overdue ? new ThemeIcon('warning', new ThemeColor('list.warningForeground')) : new ThemeIcon(document.status === 'approved' ? 'file-text' : 'edit');
  item.tooltip = new MarkdownString(
    [
      `**${label}**`,
      '',
      `${document.type ?? 'document'} · ${document.status ?? 'no status'}`,
      `Owner: ${document.owner ?? '—'}`,
      document.overdue ? `**Review overdue** since ${document.reviewDue}` : `Review due: ${document.reviewDue ?? '—'}`,
      `Controls: ${document.clauses.map((clause) => clause.id).join(', ') || 'none'}`,
      '',
      `\`${uri.fsPath}\``,
    ].join('\n\n'),
  );
  item.resourceUri = uri;
  item.command = { command: 'vscode.open', title: 'Open', arguments: [uri] };
  item.contextValue = document.overdue ? 'document-overdue' : 'document';
  item.accessibilityInformation = { label: `${label}: ${item.description}` };
  return item;
}

function clauseItem(document: PolicyDocumentInfo, clause: DocumentClause): TreeItem {
  const item = new TreeItem(`${clause.id} ${clause.title ?? '(not in the catalog)'}`, TreeItemCollapsibleState.None);
  item.id = `document:${document.uri}:${clause.id}`;
  item.iconPath = STATE_ICONS[clause.state];
  const own = [...clause.missing.map((element) => `missing ${element}`), ...clause.empty.map((element) => `empty ${element}`)];
  item.description = [clause.state, ...own].join(' · ');
  item.tooltip = `${clause.id} ${clause.title ?? ''}: ${clause.state} across the policy set${own.length ? `; in this document: ${own.join(', ')}` : ''}`;
  item.command = { command: COMMANDS.openClaim, title: 'Open at the claim', arguments: [{ path: Uri.parse(document.uri).fsPath, controlId: clause.id, excluded: false } satisfies ClaimTarget] };
  item.contextValue = `clause-${clause.state}`;
  return item;
}
