import { commands, MarkdownString, Position, Uri, window, type Hover, type SymbolInformation } from 'vscode';
import { CatalogRequest, CoverageRequest } from '../../../server/src/protocol/customMessages';
import type { Ctx } from '../ctx';
import type { ExplainPanel } from '../report/explainPanel';
import { clauseAtCursor, controlIdOf, pickControls } from './pickControl';

/** Shows a control's guidance and coverage (the server's clause hover) in a panel; returns the Markdown shown. Takes an id or a view node. */
export function explainControl(ctx: Ctx, panel: ExplainPanel) {
  return async (argument?: unknown): Promise<string | undefined> => {
    const id = controlIdOf(argument) ?? clauseAtCursor() ?? (await pickControls(ctx, 'Explain which control?'))?.[0];
    if (!id) return undefined;
    const markdown = (await hoverAtCursor(id)) ?? (await hoverAtClaim(id)) ?? (await fromCatalog(ctx, id));
    await panel.show(id, markdown);
    return markdown;
  };
}

/** The server's hover where the cursor is, when the cursor is on this id. */
async function hoverAtCursor(id: string): Promise<string | undefined> {
  const editor = window.activeTextEditor;
  return editor && clauseAtCursor() === id ? hoverText(editor.document.uri, editor.selection.active, id) : undefined;
}

/** The server's hover at a document that claims the control (its workspace symbols say where). */
async function hoverAtClaim(id: string): Promise<string | undefined> {
  const symbols = (await commands.executeCommand<SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', id)) ?? [];
  const claim = symbols.find((symbol) => symbol.name.startsWith(`${id} `));
  return claim ? hoverText(claim.location.uri, claim.location.range.start, id) : undefined;
}

async function hoverText(uri: Uri, position: Position, id: string): Promise<string | undefined> {
  const hovers = (await commands.executeCommand<Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  const text = hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (content instanceof MarkdownString ? content.value : typeof content === 'string' ? content : content.value))
    .join('\n\n');
  return text.includes(id) ? text : undefined;
}

/** No document mentions the control: its place, elements and coverage from clausewise/catalog and clausewise/coverage. */
async function fromCatalog(ctx: Ctx, id: string): Promise<string> {
  const scope = ctx.scope();
  const [catalog, coverage] = await Promise.all([ctx.request(CatalogRequest, scope), ctx.request(CoverageRequest, scope)]);
  for (const category of catalog.categories) {
    for (const objective of category.objectives) {
      const control = objective.controls.find((candidate) => candidate.id === id);
      if (!control) continue;
      const state = coverage.controls.find((candidate) => candidate.id === id);
      return [
        `**${control.id} ${control.title}**${control.essential ? ' · essential' : ''}`,
        '',
        [catalog.catalog.name, `${category.id} ${category.title}`, ...(objective.implicit ? [] : [`${objective.id} ${objective.title}`])].join(' › '),
        '',
        '**Elements a document claiming it should address:**',
        ...control.elements.map((element) => `- ${element.title}`),
        '',
        `**Coverage:** ${state?.state ?? 'gap'}`,
        ...(state?.reasons ?? []).map((reason) => `- ${reason}`),
        '',
        `No document claims or cites ${control.id} yet: run "Clausewise: Insert Policy Skeleton" to start one.`,
      ].join('\n');
    }
  }
  return `**${id}** is not a control of ${catalog.catalog.name}. To pick one from the list, run "Clausewise: Explain Control" or "Clausewise: Go to Control" with the cursor away from a clause id.`;
}
