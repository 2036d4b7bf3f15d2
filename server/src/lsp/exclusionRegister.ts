import { relative } from 'node:path';
import type { CancellationToken } from 'vscode-languageserver';
import { catalogName } from '../model/coverage';
import { exclusionRegister as registerOf, registerFields, type RegisterEntry } from '../model/exclusionRegister';
import type { ExclusionRegister, ExclusionRegisterEntry, WrittenExclusion } from '../protocol/controlMessages';
import type { ScopeParams } from '../protocol/customMessages';
import { afterIndexing, type ServerContext } from './context';
import { requestScope } from './scope';

/**
 * clausewise/exclusionRegister: every `excludes` entry written in the policy set in scope, as it
 * stands today, in the order and with the verdicts of the HTML report's register (the model's).
 */
export async function exclusionRegister(context: ServerContext, params: ScopeParams | null, token: CancellationToken): Promise<ExclusionRegister> {
  await afterIndexing(context, token);
  const { set, index } = requestScope(context, params);
  const today = context.workspace.session.today(set);
  const entries = registerOf(index.policies(), set.catalog, set.config, today).map((entry): ExclusionRegisterEntry => ({
    controlId: entry.own?.id ?? (entry.written || '—'),
    ...(entry.own ? { controlTitle: entry.own.title } : {}),
    ...(entry.readAs.length ? { readAs: entry.readAs.map((successor) => ({ id: successor.id, title: successor.title })) } : {}),
    documentTitle: entry.summary.title,
    ...writtenExclusion(context, set.config.root, entry),
  }));
  return { catalog: catalogName(set.catalog), today, entries };
}

/** A register entry as the protocol carries it: where it is written (uri, path from the set's folder, line) and how it stands. */
export function writtenExclusion(context: ServerContext, root: string, entry: RegisterEntry): WrittenExclusion {
  return {
    uri: context.workspace.uriOf(entry.summary.path),
    path: relative(root, entry.summary.path),
    ...registerFields(entry),
    line: entry.exclusion.line,
  };
}
