import { ControlPageRequest, type ControlPage } from '../../../server/src/protocol/controlMessages';
import { controlPageHtml } from '../report/controlPage';
import type { PagePanel } from '../report/pagePanel';
import type { Ctx } from '../ctx';
import { clauseAtCursor, controlIdOf, pickControls } from './pickControl';

/**
 * "Explain Control…": shows one control's page — its guidance, its elements as each claiming document
 * addresses them, the documents, exclusions and mappings. Takes an id or a Coverage view node; else
 * the clause id under the cursor; else asks with a quick pick. Returns the page shown.
 */
export function showControl(ctx: Ctx, panel: PagePanel<ControlPage>) {
  return async (argument?: unknown): Promise<ControlPage | undefined> => {
    const id = controlIdOf(argument) ?? clauseAtCursor() ?? (await pickControls(ctx, 'Explain which control?'))?.[0];
    if (!id) return undefined;
    const scope = ctx.scope();
    return panel.show({
      fetch: (current) => current.request(ControlPageRequest, { ...scope, id }),
      title: (page) => `Control ${page.id} — ${page.title}`,
      html: controlPageHtml,
    });
  };
}
