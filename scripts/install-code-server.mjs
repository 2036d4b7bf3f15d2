// Installs code-server@4.100.3 (VS Code 1.100.3, the newest that runs on Node 20) into .cache/code-server,
// only when it is missing. Follows ../shared/HARNESS.md: kerberos needs libkrb5-dev from apt; code-server's
// pinned @vscode/ripgrep downloads rg from the web, so its cache is seeded from the npm package
// @vscode/ripgrep-linux-x64; node-pty's postinstall runs `npx node-gyp` (npm_config_yes); root needs --unsafe-perm.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const root = fileURLToPath(new URL('..', import.meta.url));
/** Where code-server lives: a folder .gitignore covers, outside the project's node_modules. */
export const CODE_SERVER_DIR = join(root, '.cache', 'code-server');
/** The code-server launcher inside the cache. */
export const CODE_SERVER_BIN = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

const RIPGREP_PACKAGE = '@vscode/ripgrep-linux-x64@1.18.0';
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

function installed() {
  return existsSync(CODE_SERVER_BIN) && existsSync(join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'out'));
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

function ensureKerberosHeaders() {
  if (spawnSync('dpkg', ['-s', 'libkrb5-dev'], { stdio: 'ignore' }).status === 0) return;
  console.log('code-server: installing libkrb5-dev from apt (the kerberos module needs gssapi.h)');
  run('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq libkrb5-dev >/dev/null']);
}

/** Puts the rg binary where @vscode/ripgrep 1.15.11's postinstall looks before downloading. */
function seedRipgrepCache(temp) {
  const cache = join(process.env.TMPDIR ?? tmpdir(), RIPGREP_CACHE);
  if (existsSync(join(cache, RIPGREP_ARCHIVE))) return;
  execFileSync('npm', ['pack', RIPGREP_PACKAGE, '--silent'], { cwd: temp, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('tar', ['xzf', 'vscode-ripgrep-linux-x64-1.18.0.tgz'], { cwd: temp });
  mkdirSync(cache, { recursive: true });
  execFileSync('tar', ['czf', join(cache, RIPGREP_ARCHIVE), '-C', join(temp, 'package', 'bin'), 'rg']);
}

/** Installs code-server unless it is already in the cache; returns the launcher's path. */
export function ensureCodeServer() {
  if (installed()) return CODE_SERVER_BIN;
  const started = Date.now();
  console.log(`code-server: installing ${CODE_SERVER_VERSION} into ${CODE_SERVER_DIR} (about a minute, once)`);
  ensureKerberosHeaders();
  const temp = mkdtempSync(join(tmpdir(), 'clausewise-rg-'));
  try {
    seedRipgrepCache(temp);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  mkdirSync(CODE_SERVER_DIR, { recursive: true });
  run('npm', ['install', '--unsafe-perm', '--no-audit', '--no-fund', '--no-save', '--prefix', CODE_SERVER_DIR, `code-server@${CODE_SERVER_VERSION}`], {
    env: { ...process.env, npm_config_yes: 'true' },
  });
  if (!installed()) throw new Error(`code-server was installed but ${CODE_SERVER_BIN} is missing`);
  console.log(`code-server: installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return CODE_SERVER_BIN;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureCodeServer());
  } catch (error) {
    console.error(`code-server: ${error.message}`);
    process.exit(1);
  }
}
