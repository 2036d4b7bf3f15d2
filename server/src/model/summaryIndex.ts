import { normalizeClauseId } from '../catalog/clauseId';
import type { DocumentSummary } from './summary';
import { listingChanged } from './summaryChanges';

type Relation = 'id' | 'type' | 'claims' | 'excludes' | 'cites' | 'references';

/** The keys a policy summary is filed under for each workspace question. */
function keysOf(summary: DocumentSummary): Record<Relation, string[]> {
  const ids = (values: (string | undefined)[]) => [...new Set(values.filter((value): value is string => value !== undefined))];
  return {
    id: ids([summary.id?.value]),
    type: ids([summary.type]),
    claims: ids(summary.clauses.map((claim) => normalizeClauseId(claim.source))),
    excludes: ids(summary.exclusions.map((exclusion) => exclusion.clause && normalizeClauseId(exclusion.clause.source))),
    cites: ids(summary.mentions.map((mention) => mention.id)),
    references: ids(summary.related.map((reference) => reference.value)),
  };
}

/** The position of a path in a list of summaries sorted by path: where it is, or where it would go. */
function positionOf(sorted: DocumentSummary[], path: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]!.path < path) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The summaries of every document in the workspace and the questions asked across them, each
 * answered from a map (no scan of the workspace). Updating one document replaces its summary only;
 * nothing else is re-parsed. Revisions tell caches what changed: the index's, bumped by every
 * change; each control's, bumped when a document claiming or excluding it changes; and the listing's,
 * bumped when what the views list of a policy document (its listing) changes.
 */
export class SummaryIndex {
  private readonly summaries = new Map<string, DocumentSummary>();
  private readonly relations: Record<Relation, Map<string, Set<string>>> = {
    id: new Map(), type: new Map(), claims: new Map(), excludes: new Map(), cites: new Map(), references: new Map(),
  };
  private sortedPolicies?: DocumentSummary[];
  private changes = 0;
  private listingChanges = 0;
  private readonly controlChanges = new Map<string, number>();

  /** Grows with every change to the index. */
  get revision(): number {
    return this.changes;
  }

  /** Grows when a policy document comes or goes, or its listing (id, title, owner, dates…) changes. */
  get listingRevision(): number {
    return this.listingChanges;
  }

  /** The revision at which a document claiming or excluding this control last changed (0: never). */
  controlRevision(controlId: string): number {
    return this.controlChanges.get(controlId) ?? 0;
  }

  set(summary: DocumentSummary): void {
    const previous = this.summaries.get(summary.path);
    if (listingChanged(previous, summary)) this.listingChanges++;
    this.remove(summary.path);
    this.summaries.set(summary.path, summary);
    this.changes++;
    if (!summary.isPolicy) return;
    // Kept sorted in place: an edit does not sort the whole workspace again.
    this.sortedPolicies?.splice(positionOf(this.sortedPolicies, summary.path), 0, summary);
    this.touchControls(summary);
    for (const [relation, keys] of Object.entries(keysOf(summary)) as [Relation, string[]][]) {
      for (const key of keys) {
        const paths = this.relations[relation].get(key);
        if (paths) paths.add(summary.path);
        else this.relations[relation].set(key, new Set([summary.path]));
      }
    }
  }

  delete(path: string): void {
    if (listingChanged(this.summaries.get(path), undefined)) this.listingChanges++;
    this.remove(path);
  }

  private remove(path: string): void {
    const previous = this.summaries.get(path);
    if (!previous) return;
    this.summaries.delete(path);
    this.changes++;
    if (!previous.isPolicy) return;
    this.sortedPolicies?.splice(positionOf(this.sortedPolicies, path), 1);
    this.touchControls(previous);
    for (const [relation, keys] of Object.entries(keysOf(previous)) as [Relation, string[]][]) {
      for (const key of keys) {
        const paths = this.relations[relation].get(key);
        paths?.delete(path);
        if (paths?.size === 0) this.relations[relation].delete(key);
      }
    }
  }

  private touchControls(summary: DocumentSummary): void {
    const { claims, excludes } = keysOf(summary);
    for (const id of [...claims, ...excludes]) this.controlChanges.set(id, this.changes);
  }

  get(path: string): DocumentSummary | undefined {
    return this.summaries.get(path);
  }

  /** Every policy document, in path order. */
  policies(): DocumentSummary[] {
    this.sortedPolicies ??= [...this.summaries.values()].filter((summary) => summary.isPolicy).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return this.sortedPolicies;
  }

  /** Policy documents with this id (more than one is a duplicate). */
  withId(id: string): DocumentSummary[] {
    return this.lookup('id', id);
  }

  /** Policy documents of this `type` (a hover asks for the SoA without a scan of the workspace). */
  ofType(type: string): DocumentSummary[] {
    return this.lookup('type', type);
  }

  ids(): string[] {
    return [...this.relations.id.keys()];
  }

  /** Documents whose `clauses` name this control. */
  claiming(clauseId: string): DocumentSummary[] {
    return this.lookup('claims', clauseId);
  }

  /** Documents whose `excludes` name this control. */
  excluding(clauseId: string): DocumentSummary[] {
    return this.lookup('excludes', clauseId);
  }

  /** Documents whose body cites this clause. */
  citing(clauseId: string): DocumentSummary[] {
    return this.lookup('cites', clauseId);
  }

  /** Documents that list this id in `related`. */
  referencing(documentId: string): DocumentSummary[] {
    return this.lookup('references', documentId);
  }

  private lookup(relation: Relation, key: string): DocumentSummary[] {
    const paths = this.relations[relation].get(key);
    if (!paths) return [];
    return [...paths].sort().map((path) => this.summaries.get(path)!);
  }
}
