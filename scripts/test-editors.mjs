// Runs the real-editor tests (test/editors/): Neovim and Emacs eglot as LSP clients of dist/server.js,
// each on a fresh copy of samples/with-problems. Prints each check and one summary line; exits 1 if any editor failed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = join(root, 'dist', 'server.js');

const editors = [
  {
    name: 'neovim',
    binary: 'nvim',
    install: 'apt-get install -y neovim',
    args: ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(root, 'test/editors/neovim/lsp-test.lua')}`],
  },
  {
    name: 'eglot',
    binary: 'emacs',
    install: 'apt-get install -y emacs-nox elpa-eglot',
    args: ['--batch', '-q', '-l', join(root, 'test/editors/eglot/eglot-test.el')],
  },
];

function onPath(binary) {
  return spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' }).status === 0;
}

function run(editor) {
  if (!onPath(editor.binary)) {
    console.log(`FAIL ${editor.name}: ${editor.binary} is not installed (${editor.install})`);
    return false;
  }
  const workspace = mkdtempSync(join(tmpdir(), `clausewise-${editor.name}-`));
  const home = mkdtempSync(join(tmpdir(), `clausewise-${editor.name}-home-`));
  cpSync(join(root, 'samples', 'with-problems'), workspace, { recursive: true });
  try {
    const result = spawnSync(editor.binary, editor.args, {
      cwd: workspace,
      encoding: 'utf8',
      timeout: 60_000,
      // A private home: nothing the test does lands in the user's editor state.
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local/share'), XDG_STATE_HOME: join(home, '.local/state'), CLAUSEWISE_SERVER: server, WORKSPACE: workspace },
    });
    for (const line of result.stdout.split('\n').filter((text) => /^(PASS|FAIL) /.test(text))) console.log(`  ${editor.name}: ${line}`);
    const passed = result.status === 0;
    if (!passed) console.log(`FAIL ${editor.name} (exit ${result.status ?? result.signal}); its stderr:\n${result.stderr.replace(/^/gm, '    ')}`);
    else console.log(`PASS ${editor.name}`);
    return passed;
  } finally {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  }
}

if (!existsSync(server)) {
  console.log('editors: dist/server.js is missing; run npm run build first');
  process.exit(1);
}
const results = editors.map(run);
const passed = results.filter(Boolean).length;
console.log(`editors: ${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
