import { relative } from 'node:path';
import type { CancellationToken } from 'vscode-languageserver';
import { catalogName } from '../model/coverage';
import { compareStanding } from '../model/exclusionProblems';
import { writtenExclusions } from '../model/writtenExclusions';
import type { ExclusionRegister, ExclusionRegisterEntry } from '../protocol/controlMessages';
import type { ScopeParams } from '../protocol/customMessages';
import { afterIndexing, throwIfCancelled, type ServerContext } from './context';
import { toPosition } from './conversion';
import { requestScope } from './scope';

/**
 * clausewise/exclusionRegister: every `excludes` entry written in the policy set in scope, as it
 * stands today: expired ones first (the longest expired first), then those not valid, then those in
 * force; within each, in catalog order (ids the catalog does not know last), then by document.
 */
export async function exclusionRegister(context: ServerContext, params: ScopeParams | null, token: CancellationToken): Promise<ExclusionRegister> {
  await afterIndexing(context, token);
  const { set, index } = requestScope(context, params);
  const { catalog, config } = set;
  const today = context.workspace.session.today(set);
  const order = new Map(catalog.controls.map((control, at) => [control.id, at]));
  const entries: (ExclusionRegisterEntry & { order: number })[] = [];
  for (const summary of index.policies()) {
    const entry = context.workspace.session.get(summary.path);
    for (const { exclusion, written, own, readAs, control, problems, expired } of writtenExclusions(summary, catalog, config, today)) {
      const until = exclusion.until?.value;
      entries.push({
        controlId: own?.id ?? (written || '—'),
        ...(own ? { controlTitle: own.title } : {}),
        ...(readAs.length ? { readAs: readAs.map((successor) => ({ id: successor.id, title: successor.title })) } : {}),
        uri: context.workspace.uriOf(summary.path),
        path: relative(config.root, summary.path),
        documentId: summary.id?.value,
        documentTitle: summary.title,
        owner: summary.owner,
        justification: exclusion.justification?.value,
        until,
        expired,
        valid: problems.length === 0,
        problems,
        line: entry ? toPosition(entry.treeless, exclusion.range.start).line : 0,
        order: control ? order.get(control.id)! : order.size,
      });
    }
    throwIfCancelled(token);
  }
  entries.sort((a, b) => compareStanding(a, b) || a.order - b.order || a.path.localeCompare(b.path) || a.line - b.line);
  return { catalog: catalogName(catalog), today, entries: entries.map(({ order: _order, ...entry }) => entry) };
}
