import { Position, SnippetString, window, workspace } from 'vscode';
import { CatalogRequest, type CatalogTree } from '../../../server/src/protocol/customMessages';
import type { Ctx } from '../ctx';
import { pickControls } from './pickControl';

/** Inserts a new policy document for the chosen controls: frontmatter, then one section per element the config expects. */
export function insertPolicySkeleton(ctx: Ctx) {
  return async (controls?: string[]): Promise<void> => {
    const catalog = await ctx.request(CatalogRequest, ctx.scope());
    const ids = controls ?? (await pickControls(ctx, 'Which controls does the new document implement? (pick one or more)', true));
    if (!ids?.length) return;
    let editor = window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown' || editor.document.getText().trim() !== '') {
      editor = await window.showTextDocument(await workspace.openTextDocument({ language: 'markdown', content: '' }));
    }
    await editor.insertSnippet(policySkeleton(catalog, ids, new Date().toISOString().slice(0, 10)), new Position(0, 0));
  };
}

/** The skeleton as a snippet: tab stops for id, title and owner; TODO under each expected section. */
function policySkeleton(catalog: CatalogTree, ids: string[], today: string): SnippetString {
  const controls = catalog.categories.flatMap((category) => category.objectives.flatMap((objective) => objective.controls)).filter((control) => ids.includes(control.id));
  const lines = [
    '---',
    'id: ${1:POL-XX-001}',
    'title: ${2:Policy title}',
    'type: ${3|policy,standard,procedure,guideline,plan,record|}',
    'owner: ${4:Owner role}',
    'status: draft',
    'version: 0.1.0',
    `last-reviewed: ${today}`,
    'review-every: 12 months',
    'classification: internal',
    // One id per line (block style): room for each id's title hint, which VS Code cuts short on a line of several.
    ...(controls.length ? ['clauses:', ...controls.map((control) => `  - ${control.id}`)] : ['clauses: []']),
    '---',
    '# ${2}',
    '',
    '${5:What this document is for and whom it applies to.}',
  ];
  const seen = new Set<string>();
  for (const control of controls) {
    for (const element of control.elements) {
      if (seen.has(element.title.toLowerCase())) continue;
      seen.add(element.title.toLowerCase());
      lines.push('', `## ${escape(element.title)}`, '', `TODO: ${escape(`${control.id} ${control.title}`)} — write what the organisation does.`);
    }
  }
  return new SnippetString(`${lines.join('\n')}\n$0`);
}

function escape(text: string): string {
  return text.replace(/[\\$}]/g, (character) => `\\${character}`);
}
