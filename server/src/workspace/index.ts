import { normalizeClauseId } from '../catalog/clauseId';
import type { DocumentSummary } from './summary';

/**
 * The summaries of every document in the workspace and the questions asked across them.
 * Updating one document replaces its summary only; nothing else is re-parsed.
 */
export class WorkspaceIndex {
  private readonly summaries = new Map<string, DocumentSummary>();
  private readonly byId = new Map<string, Set<string>>();

  set(summary: DocumentSummary): void {
    this.delete(summary.path);
    this.summaries.set(summary.path, summary);
    const id = summary.isPolicy ? summary.id?.value : undefined;
    if (id !== undefined) {
      const paths = this.byId.get(id) ?? new Set();
      paths.add(summary.path);
      this.byId.set(id, paths);
    }
  }

  delete(path: string): void {
    const previous = this.summaries.get(path);
    if (!previous) return;
    this.summaries.delete(path);
    const id = previous.id?.value;
    const paths = id === undefined ? undefined : this.byId.get(id);
    paths?.delete(path);
    if (id !== undefined && paths?.size === 0) this.byId.delete(id);
  }

  get(path: string): DocumentSummary | undefined {
    return this.summaries.get(path);
  }

  /** Every policy document, in path order. */
  policies(): DocumentSummary[] {
    return [...this.summaries.values()].filter((summary) => summary.isPolicy).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** Policy documents with this id (more than one is a duplicate). */
  withId(id: string): DocumentSummary[] {
    return [...(this.byId.get(id) ?? [])].map((path) => this.summaries.get(path)!).sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  /** Documents whose `clauses` name this control. */
  claiming(clauseId: string): DocumentSummary[] {
    return this.policies().filter((summary) => summary.clauses.some((claim) => normalizeClauseId(claim.source) === clauseId));
  }

  /** Documents whose `excludes` name this control. */
  excluding(clauseId: string): DocumentSummary[] {
    return this.policies().filter((summary) => summary.exclusions.some((exclusion) => exclusion.clause && normalizeClauseId(exclusion.clause.source) === clauseId));
  }

  /** Documents whose body cites this clause. */
  citing(clauseId: string): DocumentSummary[] {
    return this.policies().filter((summary) => summary.mentions.some((mention) => mention.id === clauseId));
  }

  /** Documents that list this id in `related`. */
  referencing(documentId: string): DocumentSummary[] {
    return this.policies().filter((summary) => summary.related.some((reference) => reference.value === documentId));
  }
}
