import { configProblem, configProblemMessage } from '../configProblem';
import { commands, EventEmitter, window, workspace, type Disposable, type TreeDataProvider, type TreeItem, type TreeView } from 'vscode';
import { CatalogRequest, CoverageRequest, type CatalogCategory, type CatalogObjective, type ControlCoverage } from '../../../server/src/protocol/customMessages';
import type { Ctx } from '../ctx';
import { claimItem, controlItem, elementItem, exclusionItem, groupItem, type CoverageNode } from './coverageItems';
import { describeFilter, passes, type CoverageFilter } from './coverageFilter';
import { controlsUnder, countStates, coverageModel, type CoverageModel } from './coverageModel';
import { Redraw, selectedSoon } from './treeRedraw';
import { isEmptySet, NOT_RUNNING } from './emptySet';

/** The Coverage view: category › objective › control › documents, from clausewise/catalog and clausewise/coverage. */
export class CoverageTree implements TreeDataProvider<CoverageNode>, Disposable {
  private readonly changed = new EventEmitter<CoverageNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: TreeView<CoverageNode>;
  private model?: Promise<CoverageModel | undefined>;
  private nodes = new Map<string, CoverageNode>();
  private filter = new Set<CoverageFilter>();
  private readonly redraw = new Redraw();
  /** Counts reveals: a reveal still retrying gives up once a newer one starts (or `stopRevealing` is called). */
  private reveals = 0;
  private readonly subscriptions: Disposable[];

  constructor(private readonly ctx: Ctx) {
    this.view = window.createTreeView('clausewise.coverage', { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions = [
      ctx.onDidChangeCoverage(() => this.refresh()),
      workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('clausewise.coverage.badge') && this.refresh()),
    ];
    void commands.executeCommand('setContext', 'clausewise.coverage.gapsOnly', false);
  }

  /** Fetches the catalog and the coverage again. */
  refresh(): void {
    this.model = undefined;
    this.redraw.start();
    this.changed.fire(undefined);
  }

  /** Shows only the controls in state gap (and their category and objective), or every control again. */
  setGapsOnly(gapsOnly: boolean): Promise<void> {
    return this.setFilter(gapsOnly ? ['gap'] : []);
  }

  /** The filter in use (empty: every control). */
  filters(): CoverageFilter[] {
    return [...this.filter];
  }

  /** Shows only the controls that pass the filter (and their category and objective); an empty one shows every control. */
  async setFilter(filter: CoverageFilter[]): Promise<void> {
    this.filter = new Set(filter);
    await commands.executeCommand('setContext', 'clausewise.coverage.gapsOnly', this.filter.size > 0);
    await this.describe();
    this.redraw.start();
    this.changed.fire(undefined);
  }

  /**
   * Selects a control in the tree (expanding its category and objective) and shows its documents. After
   * a refresh, VS Code first asks for the tree again: the reveal waits for that, and is done once more on
   * the new tree when a refresh overtook it and the control did not end up selected.
   */
  async reveal(controlId: string): Promise<boolean> {
    const reveal = ++this.reveals;
    for (let attempt = 1; ; attempt++) {
      await this.redraw.done();
      const node = await this.controlNode(controlId);
      if (!node) return false;
      // Showing a control the filter hid redraws the tree too.
      await this.redraw.done();
      // A reveal still retrying must not take the focus from what the user does next (a pick list closes on it).
      if (reveal !== this.reveals) return true;
      await this.view.reveal(node, { select: true, focus: true, expand: 1 });
      if (attempt === 3 || (await selectedSoon(this.view, node)) || reveal !== this.reveals) return true;
    }
  }

  /** Stops a reveal that is still retrying: the user has moved on (another command asks for input). */
  stopRevealing(): void {
    this.reveals++;
  }

  /** The control's node, with the nodes on its path (VS Code may not have asked for them yet): category › objective › control. */
  private async controlNode(controlId: string): Promise<CoverageNode | undefined> {
    const model = await this.load();
    const control = model?.byId.get(controlId);
    if (control && !passes(control, this.filter)) await this.setFilter([]);
    const category = model?.catalog.categories.find((candidate) => candidate.objectives.some((objective) => objective.controls.some((control) => control.id === controlId)));
    const objective = category?.objectives.find((candidate) => candidate.controls.some((control) => control.id === controlId));
    if (!category || !objective) return undefined;
    await this.children(undefined);
    await this.children(this.nodes.get(`category:${category.id}`));
    if (!objective.implicit) await this.children(this.nodes.get(`objective:${objective.id}`));
    return this.nodes.get(`control:${controlId}`);
  }

  async getTreeItem(node: CoverageNode): Promise<TreeItem> {
    switch (node.kind) {
      case 'category':
      case 'objective': return groupItem(node, countStates(controlsOf(node, await this.load())));
      case 'control': return controlItem(node);
      case 'claim': return claimItem(node);
      case 'exclusion': return exclusionItem(node);
      case 'element': return elementItem(node);
    }
  }

  getParent(node: CoverageNode): CoverageNode | undefined {
    return node.kind === 'category' ? undefined : node.parent;
  }

  getChildren(node?: CoverageNode): Promise<CoverageNode[]> {
    // VS Code asks for the top level after a refresh: a reveal waiting for that may go on.
    if (!node) this.redraw.asked();
    return this.children(node);
  }

  private async children(node?: CoverageNode): Promise<CoverageNode[]> {
    const model = await this.load();
    if (!model) return [];
    if (!node) {
      return model.catalog.categories
        .map((category) => this.node({ kind: 'category', id: `category:${category.id}`, category }))
        .filter((child) => this.visible(child, model));
    }
    // A theme without objectives (27002:2022) lists its controls directly.
    if (node.kind === 'category' && node.category.objectives.every((objective) => objective.implicit)) return this.controlNodes(model, node.category, node);
    if (node.kind === 'category') {
      return node.category.objectives
        .map((objective) => this.node({ kind: 'objective', id: `objective:${objective.id}`, objective, parent: node }))
        .filter((child) => this.visible(child, model));
    }
    if (node.kind === 'objective') return this.controlNodes(model, node.objective, node);
    if (node.kind === 'control') {
      return [
        ...node.control.claims.map((claim) => this.node({ kind: 'claim', id: `claim:${node.control.id}:${claim.path}`, control: node.control, claim, parent: node })),
        ...node.control.exclusions.map((exclusion) => this.node({ kind: 'exclusion', id: `exclusion:${node.control.id}:${exclusion.path}`, control: node.control, exclusion, parent: node })),
      ];
    }
    if (node.kind === 'claim') {
      const titles = new Map((model.elements.get(node.control.id) ?? []).map((element) => [element.id, element.title]));
      return node.claim.elements.map((element) =>
        this.node({ kind: 'element', id: `element:${node.control.id}:${node.claim.path}:${element.id}`, control: node.control, claim: node.claim, element, title: titles.get(element.id) ?? element.id, parent: node }),
      );
    }
    return [];
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.view.dispose();
    this.changed.dispose();
  }

  private load(): Promise<CoverageModel | undefined> {
    this.model ??= this.fetch();
    return this.model;
  }

  private async fetch(): Promise<CoverageModel | undefined> {
    if (!this.ctx.isRunning()) {
      this.view.message = NOT_RUNNING;
      return undefined;
    }
    try {
      const scope = this.ctx.scope();
      const [catalog, report] = await Promise.all([this.ctx.request(CatalogRequest, scope), this.ctx.request(CoverageRequest, scope)]);
      const { totals } = report;
      const problem = configProblem();
      this.view.message = problem && configProblemMessage(problem);
      // The activity bar badge is opt-in (clausewise.coverage.badge): a count that never reaches 0 in a new policy set is noise.
      const badge = workspace.getConfiguration('clausewise').get<boolean>('coverage.badge', false);
      this.view.badge = badge && totals.gap ? { value: totals.gap, tooltip: `${totals.gap} controls with no coverage` } : undefined;
      this.view.description = describeFilter(report.controls, this.filter);
      // An empty set shows the welcome content (adopt the folder, or start from a skeleton), not 114 gaps.
      if (!problem && isEmptySet(report)) return undefined;
      return coverageModel(catalog, report);
    } catch (error) {
      this.view.message = `Clausewise could not read the coverage: ${error instanceof Error ? error.message : String(error)}`;
      return undefined;
    }
  }

  private controlNodes(model: CoverageModel, group: CatalogCategory | CatalogObjective, parent: CoverageNode): CoverageNode[] {
    return controlsUnder(model, group)
      .filter((control) => passes(control, this.filter))
      .map((control) => this.node({ kind: 'control', id: `control:${control.id}`, control, parent }));
  }

  /**
   * One object per id, kept across refreshes (updated with the new data), so reveal() and VS Code find
   * the same node again even when a refresh came between them.
   */
  private node<N extends CoverageNode>(candidate: N): N {
    const known = this.nodes.get(candidate.id) as N | undefined;
    if (known) return Object.assign(known, candidate);
    this.nodes.set(candidate.id, candidate);
    return candidate;
  }

  private visible(node: CoverageNode & { kind: 'category' | 'objective' }, model: CoverageModel): boolean {
    return !this.filter.size || controlsOf(node, model).some((control) => passes(control, this.filter));
  }

  /** The view's description: how many controls the filter shows, of how many (none without a filter). */
  private async describe(): Promise<void> {
    const model = await this.load();
    this.view.description = model ? describeFilter(model.report.controls, this.filter) : undefined;
  }
}

/** The coverage of the controls under a category or objective node (none before a model is fetched). */
function controlsOf(node: CoverageNode & { kind: 'category' | 'objective' }, model: CoverageModel | undefined): ControlCoverage[] {
  return model ? controlsUnder(model, node.kind === 'category' ? node.category : node.objective) : [];
}
