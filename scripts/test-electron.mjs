// npm run test:electron: the extension-host tests (test/vscode/extensionHost/) in desktop VS Code 1.100.3,
// downloaded by @vscode/test-electron 2.5.x. For machines that can download VS Code; where that is
// impossible (no network, no display) it fails at the download. CI here runs the same module through
// code-server instead (npm run test:vscode).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { runTests } from '@vscode/test-electron';

const root = fileURLToPath(new URL('..', import.meta.url));
const tests = join(root, 'out', 'test', 'extensionHost.js');

if (spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
await build({ entryPoints: [join(root, 'test/vscode/extensionHost/index.ts')], outfile: tests, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'], logLevel: 'warning' });

const base = mkdtempSync(join(tmpdir(), 'clausewise-electron-'));
const workspace = join(base, 'with-problems');
cpSync(join(root, 'samples', 'with-problems'), workspace, { recursive: true });
let code = 0;
try {
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: tests,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(base, 'user-data'), '--extensions-dir', join(base, 'extensions')],
  });
  console.log('electron: the extension-host tests passed');
} catch (error) {
  console.error(`electron: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  rmSync(base, { recursive: true, force: true });
}
process.exit(code);
