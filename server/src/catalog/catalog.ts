import { normalizeClauseId } from './clauseId';
import { nearestClauses } from './nearestClauses';
import type { CatalogInfo, Category, Clause, Control, Framework, MapLink, Objective, ReviewedLink } from './types';

/** A loaded, validated catalog with lookups by the ways people write ids. */
export class Catalog {
  readonly controls: Control[];
  /** Every objective, the implicit ones of categories without objectives included (see Objective.implicit). */
  readonly objectives: Objective[];
  private readonly byId = new Map<string, Clause>();
  private readonly objectiveById = new Map<string, Objective>();

  constructor(
    readonly info: CatalogInfo,
    readonly categories: Category[],
    readonly frameworks: Record<string, Framework>,
  ) {
    this.objectives = categories.flatMap((category) => category.objectives);
    this.controls = this.objectives.flatMap((objective) => objective.controls);
    for (const objective of this.objectives) this.objectiveById.set(objective.id, objective);
    // An implicit objective is no clause: its id is its category's.
    for (const clause of [...categories, ...this.objectives.filter((objective) => !objective.implicit), ...this.controls]) this.byId.set(clause.id, clause);
  }

  /**
   * The controls an id of the earlier edition corresponds to (9.1.1 → 5.15), from each control's
   * maps.iso27002_2013; empty for a catalog without that map (ISO 27799:2016 itself).
   */
  successors(text: string): Control[] {
    const id = normalizeClauseId(text);
    if (id === undefined || !this.frameworks.iso27002_2013) return [];
    this.bySuccessor ??= new Map();
    if (this.bySuccessor.size === 0) {
      for (const control of this.controls) {
        for (const earlier of control.maps.iso27002_2013 ?? []) this.bySuccessor.set(earlier, [...(this.bySuccessor.get(earlier) ?? []), control]);
      }
    }
    return this.bySuccessor.get(id) ?? [];
  }

  private bySuccessor?: Map<string, Control[]>;

  /** The objectives that are clauses of their own (not the implicit ones). */
  get namedObjectives(): Objective[] {
    return this.objectives.filter((objective) => !objective.implicit);
  }

  /** Any clause (category, objective or control) by id in any accepted spelling. */
  lookup(text: string): Clause | undefined {
    const id = normalizeClauseId(text);
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** A control by id in any accepted spelling; undefined for unknown ids and for objectives/categories. */
  control(text: string): Control | undefined {
    const clause = this.lookup(text);
    return clause?.kind === 'control' ? clause : undefined;
  }

  objectiveOf(clause: Control): Objective {
    return this.objectiveById.get(clause.objectiveId)!;
  }

  categoryOf(clause: Control | Objective): Category {
    return this.byId.get(clause.categoryId) as Category;
  }

  /** Every control under a category or objective (a control yields itself). */
  controlsUnder(text: string): Control[] {
    const clause = this.lookup(text);
    if (!clause) return [];
    if (clause.kind === 'control') return [clause];
    if (clause.kind === 'objective') return clause.controls;
    return clause.objectives.flatMap((objective) => objective.controls);
  }

  /** "9 Access control › 9.4 System and application access control" for a control or objective. */
  path(clause: Clause): Clause[] {
    if (clause.kind === 'category') return [clause];
    const category = this.categoryOf(clause);
    if (clause.kind === 'objective') return [category, clause];
    const objective = this.objectiveOf(clause);
    return objective.implicit ? [category, clause] : [category, objective, clause];
  }

  /** Nearest clauses to a mistyped id or to title words, best first. */
  nearest(text: string, limit = 5): Clause[] {
    return nearestClauses(this, text, limit);
  }

  /** The titles of the controls a control corresponds to in another edition (frameworks marked alternateTitles). */
  otherTitles(control: Control): string[] {
    return Object.entries(control.maps).flatMap(([name, ids]) => {
      const framework = this.frameworks[name];
      return framework?.alternateTitles ? ids.flatMap((id) => framework.items[id] ?? []) : [];
    });
  }

  /** A control's curated links to a framework, each marked derived, confirmed by the framework's review, or added in review. */
  mapLinks(control: Control, framework: string): MapLink[] {
    const added = new Map((control.mapReview[framework]?.added ?? []).map((link) => [link.id, link.reason]));
    const kept = this.frameworks[framework]?.reviewed === undefined ? 'derived' : 'confirmed';
    return (control.maps[framework] ?? []).map((id) => (added.has(id) ? { id, origin: 'added', reason: added.get(id) } : { id, origin: kept }));
  }

  /** The derived links a review removed from a control's mapping, with the reasons. */
  removedLinks(control: Control, framework: string): ReviewedLink[] {
    return control.mapReview[framework]?.removed ?? [];
  }

  /** The title of an id in a mapped framework, when the catalog lists it. */
  frameworkTitle(framework: string, id: string): string | undefined {
    return this.frameworks[framework]?.items[id];
  }
}
