import type { CancellationToken, CodeLens, CodeLensParams } from 'vscode-languageserver';
import { elementsFor } from '../config/elements';
import { SHOW_MISSING_ELEMENTS_COMMAND, type MissingElementItem } from '../protocol/customMessages';
import { lineRange } from '../rules/edits';
import { claimedControls } from '../rules/claimedControls';
import { writtenExclusions } from '../model/writtenExclusions';
import { elementIds } from '../model/summary';
import type { ServerContext } from './context';
import { toLspRange } from './conversion';

/**
 * textDocument/codeLens on the frontmatter's first line: "covers N controls · M elements missing ·
 * excludes K (J invalid)". With a client that runs SHOW_MISSING_ELEMENTS_COMMAND, the lens lists the
 * missing elements to insert, explain or go to. Frontmatter that does not parse says so. Like code actions, it
 * waits for a just-opened document's first check.
 */
export async function codeLenses(context: ServerContext, params: CodeLensParams, token: CancellationToken): Promise<CodeLens[] | null> {
  const uri = params.textDocument.uri;
  const entry = await context.workspace.checked(uri, token);
  const document = entry?.document;
  const frontmatter = document?.frontmatter;
  if (!entry || !document || !frontmatter || !entry.analyzed.summary.isPolicy) return null;
  const range = toLspRange(entry.treeless, lineRange(document, 0));
  if (!frontmatter.data) return [{ range, command: { title: 'frontmatter has errors: its claims are not checked until they are fixed', command: '' } }];
  const { summary } = entry.analyzed;
  const { catalog, config } = entry.set;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const items: MissingElementItem[] = claimedControls(summary, catalog).flatMap(({ control, claim }) => {
    const missing = new Set(elementIds(summary.elements[control.id], 'missing'));
    return elementsFor(control, config)
      .filter((element) => missing.has(element.id))
      .map((element) => ({ clause: control.id, controlTitle: control.title, element: element.id, title: element.title, range: toLspRange(entry.treeless, claim.range) }));
  });
  const parts: string[] = [];
  const claimed = Object.keys(summary.elements).length;
  if (claimed > 0 || summary.exclusions.length === 0) parts.push(`covers ${plural(claimed, 'control')}`, `${plural(items.length, 'element')} missing`);
  if (summary.exclusions.length > 0) {
    const today = context.workspace.session.today(entry.set);
    const invalid = writtenExclusions(summary, catalog, config, today).filter((written) => !written.valid).length;
    parts.push(`excludes ${summary.exclusions.length}${invalid ? ` (${invalid} invalid)` : ''}`);
  }
  const title = parts.join(' · ');
  const acts = items.length > 0 && context.clientCommands.has(SHOW_MISSING_ELEMENTS_COMMAND);
  return [{ range, command: acts ? { title, command: SHOW_MISSING_ELEMENTS_COMMAND, arguments: [uri, items] } : { title, command: '' } }];
}
