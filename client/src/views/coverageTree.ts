import { configProblem, configProblemMessage } from '../configProblem';
import { commands, EventEmitter, window, type Disposable, type TreeDataProvider, type TreeItem, type TreeView } from 'vscode';
import { CatalogRequest, CoverageRequest, type ControlCoverage } from '../../../server/src/protocol/customMessages';
import type { Ctx } from '../ctx';
import { claimItem, controlItem, exclusionItem, groupItem, type CoverageNode } from './coverageItems';
import { controlsUnder, countStates, coverageModel, type CoverageModel } from './coverageModel';

/** The Coverage view: category › objective › control › documents, from clausewise/catalog and clausewise/coverage. */
export class CoverageTree implements TreeDataProvider<CoverageNode>, Disposable {
  private readonly changed = new EventEmitter<CoverageNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: TreeView<CoverageNode>;
  private model?: Promise<CoverageModel | undefined>;
  private nodes = new Map<string, CoverageNode>();
  private gapsOnly = false;
  private readonly subscription: Disposable;

  constructor(private readonly ctx: Ctx) {
    this.view = window.createTreeView('clausewise.coverage', { treeDataProvider: this, showCollapseAll: true });
    this.subscription = ctx.onDidChangeCoverage(() => this.refresh());
    void commands.executeCommand('setContext', 'clausewise.coverage.gapsOnly', false);
  }

  /** Fetches the catalog and the coverage again. */
  refresh(): void {
    this.model = undefined;
    this.changed.fire(undefined);
  }

  /** Shows only the controls in state gap (and their category and objective), or every control again. */
  async setGapsOnly(gapsOnly: boolean): Promise<void> {
    this.gapsOnly = gapsOnly;
    this.view.description = gapsOnly ? 'gaps only' : undefined;
    await commands.executeCommand('setContext', 'clausewise.coverage.gapsOnly', gapsOnly);
    this.changed.fire(undefined);
  }

  /** Selects a control in the tree (expanding its category and objective) and shows its documents. */
  async reveal(controlId: string): Promise<boolean> {
    const model = await this.load();
    if (this.gapsOnly && model?.byId.get(controlId)?.state !== 'gap') await this.setGapsOnly(false);
    const category = model?.catalog.categories.find((candidate) => candidate.objectives.some((objective) => objective.controls.some((control) => control.id === controlId)));
    const objective = category?.objectives.find((candidate) => candidate.controls.some((control) => control.id === controlId));
    if (!category || !objective) return false;
    // Create the path's nodes (VS Code may not have asked for them yet): category › objective › control.
    await this.getChildren(undefined);
    await this.getChildren(this.nodes.get(`category:${category.id}`));
    await this.getChildren(this.nodes.get(`objective:${objective.id}`));
    const node = this.nodes.get(`control:${controlId}`);
    if (!node) return false;
    await this.view.reveal(node, { select: true, focus: true, expand: 1 });
    return true;
  }

  async getTreeItem(node: CoverageNode): Promise<TreeItem> {
    switch (node.kind) {
      case 'category':
      case 'objective': return groupItem(node, countStates(controlsOf(node, await this.load())));
      case 'control': return controlItem(node);
      case 'claim': return claimItem(node);
      case 'exclusion': return exclusionItem(node);
    }
  }

  getParent(node: CoverageNode): CoverageNode | undefined {
    return node.kind === 'category' ? undefined : node.parent;
  }

  async getChildren(node?: CoverageNode): Promise<CoverageNode[]> {
    const model = await this.load();
    if (!model) return [];
    if (!node) {
      return model.catalog.categories
        .map((category) => this.node({ kind: 'category', id: `category:${category.id}`, category }))
        .filter((child) => this.visible(child, model));
    }
    if (node.kind === 'category') {
      return node.category.objectives
        .map((objective) => this.node({ kind: 'objective', id: `objective:${objective.id}`, objective, parent: node }))
        .filter((child) => this.visible(child, model));
    }
    if (node.kind === 'objective') {
      return controlsUnder(model, node.objective)
        .filter((control) => !this.gapsOnly || control.state === 'gap')
        .map((control) => this.node({ kind: 'control', id: `control:${control.id}`, control, parent: node }));
    }
    if (node.kind === 'control') {
      return [
        ...node.control.claims.map((claim) => this.node({ kind: 'claim', id: `claim:${node.control.id}:${claim.path}`, control: node.control, claim, parent: node })),
        ...node.control.exclusions.map((exclusion) => this.node({ kind: 'exclusion', id: `exclusion:${node.control.id}:${exclusion.path}`, control: node.control, exclusion, parent: node })),
      ];
    }
    return [];
  }

  dispose(): void {
    this.subscription.dispose();
    this.view.dispose();
    this.changed.dispose();
  }

  private load(): Promise<CoverageModel | undefined> {
    this.model ??= this.fetch();
    return this.model;
  }

  private async fetch(): Promise<CoverageModel | undefined> {
    if (!this.ctx.isRunning()) {
      this.view.message = 'The Clausewise language server is not running: it starts with a .clausewise.yaml or a policy document in the workspace.';
      return undefined;
    }
    try {
      const scope = this.ctx.scope();
      const [catalog, report] = await Promise.all([this.ctx.request(CatalogRequest, scope), this.ctx.request(CoverageRequest, scope)]);
      this.nodes = new Map();
      const { totals } = report;
      const problem = configProblem();
      this.view.message = problem && configProblemMessage(problem);
      this.view.badge = totals.gap ? { value: totals.gap, tooltip: `${totals.gap} controls with no coverage` } : undefined;
      return coverageModel(catalog, report);
    } catch (error) {
      this.view.message = `Clausewise could not read the coverage: ${error instanceof Error ? error.message : String(error)}`;
      return undefined;
    }
  }

  /** One object per id, so reveal() and VS Code find the same node again. */
  private node<N extends CoverageNode>(candidate: N): N {
    const known = this.nodes.get(candidate.id) as N | undefined;
    if (known) return known;
    this.nodes.set(candidate.id, candidate);
    return candidate;
  }

  private visible(node: CoverageNode & { kind: 'category' | 'objective' }, model: CoverageModel): boolean {
    return !this.gapsOnly || controlsOf(node, model).some((control) => control.state === 'gap');
  }
}

/** The coverage of the controls under a category or objective node (none before a model is fetched). */
function controlsOf(node: CoverageNode & { kind: 'category' | 'objective' }, model: CoverageModel | undefined): ControlCoverage[] {
  return model ? controlsUnder(model, node.kind === 'category' ? node.category : node.objective) : [];
}
