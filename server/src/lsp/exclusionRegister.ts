import { relative } from 'node:path';
import type { CancellationToken } from 'vscode-languageserver';
import { compareStanding, exclusionProblems, isExpired } from '../model/exclusionProblems';
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
    for (const exclusion of summary.exclusions) {
      const written = exclusion.clause?.source ?? '';
      const own = written ? catalog.control(written) : undefined;
      // Under ISO/IEC 27002:2022 an earlier-edition id (11.1.6) is read as the controls it became, as coverage reads it.
      const successors = own || !written ? [] : catalog.successors(written);
      const control = own ?? successors[0];
      const until = exclusion.until?.value;
      const problems = control
        ? exclusionProblems(exclusion, control, config, today).map((problem) => problem.text)
        : [written ? `${written} is not a control of ${catalog.info.name}` : 'names no control (add clause: <id>)'];
      entries.push({
        controlId: own?.id ?? (written || '—'),
        ...(own ? { controlTitle: own.title } : {}),
        ...(successors.length ? { readAs: successors.map((successor) => ({ id: successor.id, title: successor.title })) } : {}),
        uri: context.workspace.uriOf(summary.path),
        path: relative(config.root, summary.path),
        documentId: summary.id?.value,
        documentTitle: summary.title,
        owner: summary.owner,
        justification: exclusion.justification?.value,
        until,
        expired: isExpired(until, today),
        valid: problems.length === 0,
        problems,
        line: entry ? toPosition(entry.treeless, exclusion.range.start).line : 0,
        order: control ? order.get(control.id)! : order.size,
      });
    }
    throwIfCancelled(token);
  }
  entries.sort((a, b) => compareStanding(a, b) || a.order - b.order || a.path.localeCompare(b.path) || a.line - b.line);
  return { catalog: { id: catalog.info.id, name: catalog.info.name, short: catalog.info.short }, today, entries: entries.map(({ order: _order, ...entry }) => entry) };
}
