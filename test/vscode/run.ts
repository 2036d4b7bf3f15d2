// npm run test:vscode: installs code-server when missing, packages the .vsix, checks its contents, then
// runs the UI tests (the installed .vsix, on samples/with-problems/ and on an untagged folder) and the
// extension-host tests (extensionTestsPath) in code-server, and prints one summary line: `vscode: N passed, M failed`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { launchChromium } from '../helpers/browser';
import { repoRoot } from '../helpers/paths';
import { startCodeServer } from './codeServer';
import { runExtensionHostTests } from './extensionHostRun';
import { runUiTest, type StepResult } from './uiTest';
import { runUntaggedTest, UNTAGGED_WORKSPACE } from './untaggedTest';
import { checkVsix } from './vsixContents';

const outputDir = join(repoRoot, 'test-output', 'vscode');
/** The extension-host test module, bundled for the extension host (CommonJS, `vscode` provided by the host). */
export const EXTENSION_TESTS = join(repoRoot, 'out', 'test', 'extensionHost.js');
const timings: Record<string, number> = {};

async function timed<T>(name: string, work: () => Promise<T> | T): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    timings[name] = Date.now() - started;
  }
}

function script(name: string): StepResult {
  const started = Date.now();
  const result = spawnSync(process.execPath, [join(repoRoot, 'scripts', name)], { cwd: repoRoot, stdio: 'inherit' });
  return { name: `${name} succeeds`, ok: result.status === 0, ms: Date.now() - started, ...(result.status === 0 ? {} : { error: `exit ${result.status ?? result.signal}` }) };
}

/** Bundles test/vscode/extensionHost/index.ts for the extension host. */
export async function bundleExtensionTests(): Promise<string> {
  await build({ entryPoints: [join(repoRoot, 'test/vscode/extensionHost/index.ts')], outfile: EXTENSION_TESTS, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'], logLevel: 'warning' });
  return EXTENSION_TESTS;
}

async function main(): Promise<number> {
  rmSync(outputDir, { recursive: true, force: true });
  mkdirSync(outputDir, { recursive: true });
  const results: StepResult[] = [];
  const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = join(repoRoot, `${name}-${version}.vsix`);

  const setup = [await timed('install code-server (when missing)', () => script('install-code-server.mjs')), await timed('package the vsix', () => script('package-vsix.mjs'))];
  results.push(...setup);
  if (setup.every((step) => step.ok)) {
    results.push(...checkVsix(vsix));
    const tests = await bundleExtensionTests();
    const browser = await launchChromium();
    try {
      const ui = await timed('start code-server and install the vsix', () => startCodeServer('ui', vsix));
      try {
        results.push(...(await timed('UI test', () => runUiTest(browser, ui, outputDir))));
      } finally {
        await ui.stop();
      }
      const untagged = await timed('start code-server on an untagged folder', () => startCodeServer('untagged', vsix, UNTAGGED_WORKSPACE));
      try {
        results.push(...(await timed('untagged-folder UI test', () => runUntaggedTest(browser, untagged, outputDir))));
      } finally {
        await untagged.stop();
      }
      const host = await timed('start code-server for the extension host', () => startCodeServer('exthost'));
      try {
        results.push(...(await timed('extension-host tests', () => runExtensionHostTests(browser, host, repoRoot, tests))));
      } finally {
        await host.stop();
      }
    } finally {
      await browser.close();
    }
  }

  for (const result of results) {
    console.log(`${result.ok ? 'PASS' : 'FAIL'} ${result.name}${result.ms ? ` (${(result.ms / 1000).toFixed(1)} s)` : ''}${result.screenshot ? ` → ${result.screenshot.replace(`${repoRoot}/`, '')}` : ''}`);
    if (result.error) console.log(`     ${result.error.replace(/\n/g, '\n     ')}`);
  }
  console.log(`timings: ${Object.entries(timings).map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
  writeFileSync(join(outputDir, 'summary.json'), JSON.stringify({ results, timings }, null, 2));
  const failed = results.filter((result) => !result.ok).length;
  console.log(`vscode: ${results.length - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`vscode: the run failed before its summary: ${(error as Error).stack ?? String(error)}`);
    console.log('vscode: 0 passed, 1 failed');
    process.exit(1);
  },
);
