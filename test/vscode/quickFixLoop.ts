// The quick-fix race of #20 in a loop: `npm run test:vscode -- test/vscode/quickFixLoop.ts [runs]` (default 10).
// Packages the .vsix, starts code-server on a copy of samples/with-problems/, and runs the UI test's step that
// raced `runs` times: open teleworking-standard.md from the Explorer (its unknown-clause already in the Problems
// panel), click 6.22, press Ctrl+. once and wait for "Change to 6.2.2 Teleworking"; then close the editor. Prints
// each run's outcome, the server's "codeAction" log lines (debug level, made visible here), and `loop: N of M`.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { launchChromium } from '../helpers/browser';
import { repoRoot } from '../helpers/paths';
import { startCodeServer } from './codeServer';
import { editor, markdownServerRead, openQuickFixes, problemCode, runCommand, token } from './uiTest';

const FIX = 'Change to 6.2.2 Teleworking';

/** Every file below `dir` whose name ends in .log. */
function logFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? logFiles(path) : name.endsWith('.log') ? [path] : [];
  });
}

async function main(): Promise<number> {
  const runs = Number(process.argv[3] ?? 10);
  const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  for (const script of ['install-code-server.mjs', 'package-vsix.mjs']) {
    if (spawnSync(process.execPath, [join(repoRoot, 'scripts', script)], { cwd: repoRoot, stdio: 'inherit' }).status !== 0) return 1;
  }
  const browser = await launchChromium();
  const server = await startCodeServer('loop', join(repoRoot, `${name}-${version}.vsix`));
  const outcomes: string[] = [];
  try {
    const page = await (await browser.newContext({ viewport: { width: 1500, height: 950 } })).newPage();
    await page.goto(server.url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // Indexing is over once the status item shows the coverage; the Problems panel open, as in the UI test.
    await page.locator('.statusbar-item', { hasText: /27799 \d+\/114/ }).first().waitFor({ timeout: 60_000 });
    // The server's code-action trace is logged at debug level: the Clausewise output channel shows (and writes) it at that level.
    await runCommand(page, 'Developer: Set Log Level...');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: /^Clausewise/ }).first().click();
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Debug' }).first().click();
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: problemCode('unknown-clause') }).first().waitFor({ timeout: 30_000 });
    for (let run = 1; run <= runs; run++) {
      const started = Date.now();
      let pressed = 0;
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'teleworking-standard.md' }).first().click();
      await page.locator('.tabs-container .tab.active', { hasText: 'teleworking-standard.md' }).waitFor();
      try {
        // QUICKFIX_UNSETTLED=1: press Ctrl+. without waiting for VS Code's Markdown language server (the race of #20).
        if (!process.env.QUICKFIX_UNSETTLED) await markdownServerRead(page, 'Teleworking Standard');
        await token(page, '6.22').click();
        pressed = Date.now();
        await page.evaluate(`(() => {
          window.__messageAt = 0;
          new MutationObserver((changes, observer) => {
            if (document.querySelector('.monaco-editor-overlaymessage')) { window.__messageAt = Date.now(); observer.disconnect(); }
          }).observe(document.body, { childList: true, subtree: true });
        })()`);
        await openQuickFixes(page, FIX);
        outcomes.push(`run ${run}: listed after ${Date.now() - started} ms`);
      } catch (error) {
        const message = (await page.locator('.monaco-editor-overlaymessage').allTextContents()).join(' | ');
        console.log('lightbulbs:', await page.evaluate<string>(`[...document.querySelectorAll('[class*="lightbulb"], [class*="lightBulb"]')].map((e) => e.className + ' ' + JSON.stringify(e.getBoundingClientRect())).join('; ')`));
        const shownAt = await page.evaluate<number>('window.__messageAt');
        outcomes.push(`run ${run}: FAILED (${(error as Error).message.split('\n')[0]}); editor message: ${message || 'none'}, ${shownAt - pressed} ms after Ctrl+. (pressed at ${new Date(pressed).toISOString()})`);
        await page.screenshot({ path: join(repoRoot, 'test-output', `quick-fix-loop-${run}.png`) });
      }
      await page.keyboard.press('Escape');
      await editor(page).click();
      await runCommand(page, 'View: Close Editor');
      await page.locator('.tabs-container .tab', { hasText: 'teleworking-standard.md' }).waitFor({ state: 'detached' });
    }
  } finally {
    const logs = logFiles(join(dirname(server.workspace), 'user-data', 'logs')).map((path) => readFileSync(path, 'utf8'));
    console.log(logs.flatMap((text) => text.split('\n').filter((line) => line.includes('codeAction ') || /activat/i.test(line))).sort().join('\n'));
    await server.stop();
    await browser.close();
  }
  console.log(outcomes.join('\n'));
  const listed = outcomes.filter((outcome) => !outcome.includes('FAILED')).length;
  console.log(`loop: ${listed} of ${runs} runs listed "${FIX}" at the first Ctrl+.`);
  return listed === runs ? 0 : 1;
}

main().then((code) => process.exit(code), (error) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
