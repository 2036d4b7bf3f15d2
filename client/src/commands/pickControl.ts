import { window, type QuickPickItem } from 'vscode';
import { CatalogRequest, CoverageRequest } from '../../../server/src/protocol/customMessages';
import type { Ctx } from '../ctx';
import { STATE_ICONS } from '../views/stateIcons';

/** Asks for one control (or several with `many`), listing the server's catalog with each control's state. */
export async function pickControls(ctx: Ctx, placeHolder: string, many = false): Promise<string[] | undefined> {
  const scope = ctx.scope();
  const [catalog, coverage] = await Promise.all([ctx.request(CatalogRequest, scope), ctx.request(CoverageRequest, scope)]);
  const states = new Map(coverage.controls.map((control) => [control.id, control.state]));
  const items: (QuickPickItem & { id: string })[] = catalog.categories.flatMap((category) =>
    category.objectives.flatMap((objective) =>
      objective.controls.map((control) => {
        const state = states.get(control.id) ?? 'gap';
        return { id: control.id, label: `${control.id} ${control.title}`, description: `$(${STATE_ICONS[state].id}) ${state}`, detail: `${category.id} ${category.title}${objective.implicit ? '' : ` › ${objective.id} ${objective.title}`}` };
      }),
    ),
  );
  if (many) return (await window.showQuickPick(items, { placeHolder, canPickMany: true, matchOnDetail: true }))?.map((item) => item.id);
  const picked = await window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked ? [picked.id] : undefined;
}

/** The clause id under the cursor of the active Markdown editor (`9.4.2`), if any. */
export function clauseAtCursor(): string | undefined {
  const editor = window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') return undefined;
  const range = editor.document.getWordRangeAtPosition(editor.selection.active, /\d{1,2}\.\d{1,2}\.\d{1,2}/);
  return range ? editor.document.getText(range) : undefined;
}

/** The control id a command was given: an id, or the Coverage or Documents view node it was invoked on. */
export function controlIdOf(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument;
  if (!argument || typeof argument !== 'object') return undefined;
  const node = argument as { control?: { id?: unknown }; clause?: { id?: unknown } };
  const id = node.control?.id ?? node.clause?.id;
  return typeof id === 'string' ? id : undefined;
}
