import { elementIds } from '../model/summary';
import type { CancellationToken } from 'vscode-languageserver';
import { isOverdue, reviewDue } from '../model/review';
import type { DocumentsResult, PolicyDocumentInfo, ScopeParams } from '../protocol/customMessages';
import { afterIndexing, throwIfCancelled, type ServerContext } from './context';
import { requestScope, scopeCoverage, type RequestScope } from './scope';

/** clausewise/documents: each policy document with its review state and its clauses' coverage (all sets, or the one in scope). */
export async function documentList(context: ServerContext, params: ScopeParams | null, token: CancellationToken): Promise<DocumentsResult> {
  await afterIndexing(context, token);
  const scopes = params?.uri ? [requestScope(context, params)] : context.workspace.session.policySets().map((set) => ({ set, index: set.index }));
  const documents: PolicyDocumentInfo[] = [];
  for (const scope of scopes) {
    documents.push(...describe(context, scope));
    throwIfCancelled(token);
  }
  return { documents: documents.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0)) };
}

function describe(context: ServerContext, scope: RequestScope): PolicyDocumentInfo[] {
  const { set, index } = scope;
  const today = context.workspace.session.today(set);
  const states = new Map(scopeCoverage(context, scope).controls.map((control) => [control.id, control.state]));
  return index.policies().map((summary) => ({
    uri: context.workspace.uriOf(summary.path),
    id: summary.id?.value,
    title: summary.title,
    type: summary.type,
    status: summary.status,
    owner: summary.owner,
    reviewDue: reviewDue(summary, set.config)?.due,
    overdue: isOverdue(summary, set.config, today),
    clauses: summary.clauses.map((claim) => {
      const control = set.catalog.control(claim.source);
      const elements = control ? summary.elements[control.id] : undefined;
      return {
        id: control?.id ?? claim.source,
        title: control?.title,
        state: control ? states.get(control.id) ?? 'gap' : 'unknown',
        missing: elementIds(elements, 'missing'),
        empty: elementIds(elements, 'empty'),
      };
    }),
  }));
}
