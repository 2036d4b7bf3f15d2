import type { Browser } from 'playwright-core';
import type { CodeServer } from './codeServer';
import type { StepResult } from './uiTest';

/**
 * Runs the extension-host test module inside code-server's extension host (the extensionTestsPath
 * route @vscode/test-web uses): the workbench loads the extension from `extensionPath`, calls the
 * module's run(), and reports its log and exit code through codeAutomationLog / codeAutomationExit.
 */
export async function runExtensionHostTests(browser: Browser, server: CodeServer, extensionPath: string, testsModule: string): Promise<StepResult[]> {
  const page = await (await browser.newContext()).newPage();
  const lines: string[] = [];
  let exit: (code: number | string) => void = () => undefined;
  const exited = new Promise<number | string>((resolve) => (exit = resolve));
  await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
    const line = args.map(String).join(' ');
    lines.push(line);
    if (/^(PASS|FAIL) /.test(line)) console.log(`  ${line.split('\n')[0]}`);
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
  const authority = `127.0.0.1:${server.port}`;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${extensionPath}`],
    ['extensionTestsPath', `vscode-remote://${authority}${testsModule}`],
  ];
  const started = Date.now();
  await page.goto(`${server.url}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  const timeout = setTimeout(() => exit('timeout after 180 s'), 180_000);
  const code = await exited;
  clearTimeout(timeout);
  await page.context().close();
  const results: StepResult[] = lines
    .filter((line) => /^(PASS|FAIL) /.test(line))
    .map((line) => {
      const [head = '', ...rest] = line.split('\n');
      const ok = head.startsWith('PASS ');
      const name = ok ? head.slice(5).replace(/ \(\d+ ms\)$/, '') : head.slice(5).replace(/: .*$/, '');
      return { name: `extension host: ${name}`, ok, ms: Number(/\((\d+) ms\)$/.exec(head)?.[1] ?? 0), ...(ok ? {} : { error: [head.slice(5 + name.length + 2), ...rest.slice(0, 4)].join('\n') }) };
    });
  if (code !== 0 && results.every((result) => result.ok)) {
    results.push({ name: 'extension host: the test run exits with code 0', ok: false, error: `exit ${code} after ${Date.now() - started} ms; log:\n${lines.slice(-20).join('\n')}`, ms: Date.now() - started });
  }
  // The harness ends with `extension host: N passed, M failed`; without that line, or when it disagrees with the
  // PASS/FAIL lines seen, the run did not report every test (an exit code of 0 alone proves nothing).
  const summary = lines.map((line) => /^extension host: (\d+) passed, (\d+) failed$/.exec(line)).find((match) => match);
  const passed = results.filter((result) => result.ok).length;
  if (!summary) {
    results.push({ name: 'extension host: the run reports its summary', ok: false, error: `no "extension host: N passed, M failed" line (exit ${code}, ${results.length} PASS/FAIL lines); log:\n${lines.slice(-20).join('\n')}`, ms: Date.now() - started });
  } else if (Number(summary[1]) !== passed || Number(summary[2]) !== results.length - passed || results.length === 0) {
    results.push({ name: 'extension host: the summary matches the tests reported', ok: false, error: `summary "${summary[0]}", but ${passed} PASS and ${results.length - passed} FAIL lines were seen`, ms: Date.now() - started });
  }
  return results;
}
