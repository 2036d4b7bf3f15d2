import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { lineRange } from '../rules/edits';
import { elementIds } from '../workspace/summary';
import type { ServerContext } from './context';
import { toLspRange } from './conversion';

/** textDocument/codeLens: "covers N controls · M elements missing" on the frontmatter's first line (information only). */
export async function codeLenses(context: ServerContext, params: CodeLensParams): Promise<CodeLens[] | null> {
  const entry = await context.workspace.current(params.textDocument.uri);
  const frontmatter = entry?.document?.frontmatter;
  if (!entry || !frontmatter || !entry.analyzed.summary.isPolicy) return null;
  const claimed = Object.values(entry.analyzed.summary.elements);
  const missing = claimed.reduce((sum, statuses) => sum + elementIds(statuses, 'missing').length, 0);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const title = `covers ${plural(claimed.length, 'control')} · ${plural(missing, 'element')} missing`;
  // No command: the lens informs; the quick fixes on each claimed id insert the missing sections.
  return [{ range: toLspRange(entry.shell, lineRange(entry.document!, 0)), command: { title, command: '' } }];
}
