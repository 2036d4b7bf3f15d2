// The UI test of a folder where a policy set starts: untagged Markdown policies and no .clausewise.yaml. What the
// README promises there: the server runs, the views offer "Adopt this Folder…", and adopting shows every draft
// block in VS Code's refactor preview before anything is written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { CodeServer, WorkspaceFiles } from './codeServer';
import { LONG, runSteps, SHORT, type StepResult } from './uiTest';

const BACKUP = '# Backup Procedure\n\n## Backup schedule\n\nA full backup of the records server runs every night; copies are kept for 90 days.\n\n## Restore testing\n\nEach quarter the IT lead restores a sample of records from backup and records the result.\n';

/** The workspace: one untagged policy, a README (left alone by adopt), and no Clausewise config. */
export const UNTAGGED_WORKSPACE: WorkspaceFiles = {
  folder: 'untagged-policies',
  files: { 'backup-procedure.md': BACKUP, 'README.md': '# Our policies\n\nThe clinic\'s security policies, one file each.\n' },
};

/** Runs the steps on `server`, which has UNTAGGED_WORKSPACE open with the .vsix installed. */
export function runUntaggedTest(browser: Browser, server: CodeServer, outputDir: string): Promise<StepResult[]> {
  return runSteps(browser, outputDir, (page) => [
    ['untagged folder without .clausewise.yaml: opening the Clausewise view starts the server, and the status item shows the coverage (0 of 114)', '11-untagged-status.png', () => statusItem(page, server)],
    ['untagged folder: the Coverage and Documents views offer "Adopt this Folder…" and "Insert Policy Skeleton"', '12-untagged-welcome.png', () => adoptionOffered(page)],
    ['untagged folder: "Adopt this Folder…" shows the draft block in the refactor preview, unticked: applied so, nothing changes; ticked and applied, it is written and the Documents view lists the draft', '13-untagged-adopted.png', () => adoptFromPreview(page, server, outputDir)],
  ]);
}

/** With no config and no Markdown open, the extension waits (README: it activates on Markdown or the Clausewise view). */
async function statusItem(page: Page, server: CodeServer): Promise<void> {
  await page.goto(server.url);
  await page.locator('.monaco-workbench').waitFor(LONG);
  await page.locator('.activitybar .action-item a[aria-label^="Clausewise"]').first().click(SHORT);
  await page.locator('.statusbar-item', { hasText: /^\s*27799 0\/114\s*$/ }).first().waitFor(LONG);
}

/** The welcome content of the Clausewise views: each view says there is no policy yet and has both buttons. */
async function adoptionOffered(page: Page): Promise<void> {
  for (const [view, text] of [['Coverage', 'No document here claims a control yet'], ['Documents', 'No policy documents in this workspace yet']]) {
    const welcome = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: view }) }).locator('.welcome-view-content', { hasText: text });
    await welcome.waitFor(LONG);
    for (const button of ['Adopt this Folder…', 'Insert Policy Skeleton']) await welcome.locator('.monaco-button', { hasText: button }).first().waitFor(SHORT);
  }
}

/**
 * "Adopt this Folder…" from the Coverage view: the refactor preview lists backup-procedure.md, unticked (the README
 * is left alone). Applied unticked, nothing is written and the message says so; ticked and applied, the draft block
 * is written above the untouched text and the views replace the welcome with the policy set (the Documents view
 * lists the draft).
 */
async function adoptFromPreview(page: Page, server: CodeServer, outputDir: string): Promise<void> {
  const path = join(server.workspace, 'backup-procedure.md');
  // Applied with nothing ticked: nothing is written, and the message says why.
  await openAdoptPreview(page);
  await applyPreview(page);
  await page.locator('.notification-toast', { hasText: 'Clausewise adopted nothing: the refactor preview was discarded or had no file ticked' }).first().waitFor(LONG);
  if (readFileSync(path, 'utf8') !== BACKUP) throw new Error('backup-procedure.md changed though nothing was ticked');
  // Again, ticked this time.
  await openAdoptPreview(page);
  await page.locator('.bulk-edit-panel .monaco-list-row', { hasText: 'backup-procedure.md' }).first().locator('input.edit-checkbox').check(SHORT);
  await page.screenshot({ path: join(outputDir, '13-untagged-preview.png') });
  if (readFileSync(path, 'utf8') !== BACKUP) throw new Error('backup-procedure.md changed before Apply');
  await applyPreview(page);
  // The command saves the adopted files, then says so.
  await page.locator('.notification-toast', { hasText: 'Clausewise adopted 1 file as drafts' }).first().waitFor(LONG);
  const written = readFileSync(path, 'utf8');
  if (!written.startsWith('---\nid: BACKUP-PROCEDURE\n') || !written.includes('status: draft\n') || !written.endsWith(`---\n${BACKUP}`)) throw new Error(`backup-procedure.md after Apply: ${written.slice(0, 300)}`);
  await page.locator('.welcome-view-content', { hasText: 'No document here claims a control yet' }).waitFor({ state: 'detached', ...LONG });
  await page.locator('.monaco-list-row[aria-label^="BACKUP-PROCEDURE "]').first().waitFor(LONG);
}

/** Clicks "Adopt this Folder…" in the Coverage view; resolves once the preview lists backup-procedure.md, unticked, and not the README. */
async function openAdoptPreview(page: Page): Promise<void> {
  await page.locator('.welcome-view-content .monaco-button', { hasText: 'Adopt this Folder…' }).first().click(SHORT);
  const rows = page.locator('.bulk-edit-panel .monaco-list-row');
  const row = rows.filter({ hasText: 'backup-procedure.md' }).first();
  await row.waitFor(LONG);
  // VS Code shows a change a command asks to confirm unticked: the user ticks the files to adopt.
  if (await row.locator('input.edit-checkbox').isChecked()) throw new Error('the preview ticked backup-procedure.md before the user did');
  const listed = (await rows.allTextContents()).join(' | ');
  if (listed.includes('README.md')) throw new Error(`the preview offers to adopt the README: ${listed}`);
}

/** Clicks the preview's Apply; resolves once the preview is empty again. */
async function applyPreview(page: Page): Promise<void> {
  await page.locator('.bulk-edit-panel .buttons .monaco-button', { hasText: 'Apply' }).first().click(SHORT);
  await page.locator('.bulk-edit-panel .monaco-list-row').first().waitFor({ state: 'detached', ...LONG });
}
