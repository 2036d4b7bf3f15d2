import { commands, Range, Selection, Uri, window, workspace, type CodeAction, type QuickPickItem } from 'vscode';
import type { MissingElementChoice, MissingElementItem } from '../../../server/src/protocol/customMessages';
import { COMMANDS } from './ids';

const ACTIONS: { action: MissingElementChoice['action']; label: string }[] = [
  { action: 'insert', label: '$(add) Insert its section' },
  { action: 'explain', label: '$(book) Explain the control' },
  { action: 'goto', label: '$(go-to-file) Go to the claim in clauses' },
];

/**
 * The code lens's command: pick a missing element, then insert its section (the server's quick fix,
 * which selects the TODO), explain its control, or go to the claim. `choice` skips the questions.
 */
export function showMissingElements() {
  return async (uriText: string, items: MissingElementItem[], choice?: MissingElementChoice): Promise<boolean> => {
    const item = choice ? items[choice.index] : await pickItem(items);
    const action = choice?.action ?? (await pickAction(item));
    if (!item || !action) return false;
    const uri = Uri.parse(uriText);
    const claim = new Range(item.range.start.line, item.range.start.character, item.range.end.line, item.range.end.character);
    if (action === 'explain') return (await commands.executeCommand(COMMANDS.showControl, item.clause)) !== undefined;
    if (action === 'goto') {
      const editor = await window.showTextDocument(await workspace.openTextDocument(uri));
      editor.selection = new Selection(claim.start, claim.end);
      editor.revealRange(claim);
      return true;
    }
    const actions = (await commands.executeCommand<CodeAction[]>('vscode.executeCodeActionProvider', uri, claim, 'quickfix')) ?? [];
    const insert = actions.find((candidate) => candidate.title === `Insert section "${item.title}" for ${item.clause}`);
    if (!insert?.edit || !(await workspace.applyEdit(insert.edit))) {
      void window.showWarningMessage(`Clausewise cannot insert a section for "${item.title}" here; see the Problems panel for why.`);
      return false;
    }
    if (insert.command) await commands.executeCommand(insert.command.command, ...(insert.command.arguments ?? []));
    return true;
  };
}

async function pickItem(items: MissingElementItem[]): Promise<MissingElementItem | undefined> {
  const picked = await window.showQuickPick(
    items.map((item, index): QuickPickItem & { index: number } => ({ label: item.title, description: `${item.clause} ${item.controlTitle}`, index })),
    { placeHolder: 'Missing elements of the claimed controls: pick one', matchOnDescription: true },
  );
  return picked && items[picked.index];
}

async function pickAction(item: MissingElementItem | undefined): Promise<MissingElementChoice['action'] | undefined> {
  if (!item) return undefined;
  const picked = await window.showQuickPick(ACTIONS.map(({ action, label }) => ({ label, action })), { placeHolder: `${item.title} (${item.clause})` });
  return picked?.action;
}
