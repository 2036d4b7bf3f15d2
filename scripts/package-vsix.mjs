// Builds the .vsix: minified bundles, then @vscode/vsce (3.x, runs on Node 20) with --no-dependencies
// (everything is bundled). package.json's "files" (the npm package's list) and .vscodeignore (the
// extension's) cannot both be seen by vsce, so vsce runs in a staging folder holding a copy of the
// candidate files and a manifest without "files"; .vscodeignore still decides what goes in.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stage = join(root, '.cache', 'vsix-stage');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** Where the package is written (test/vscode/run.ts builds the same name from package.json). */
const VSIX = join(root, `${manifest.name}-${manifest.version}.vsix`);
/** Candidates only: .vscodeignore picks the files that ship. */
const CANDIDATES = ['.vscodeignore', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist', 'controls', 'grammars', 'client/images', 'client/snippets'];

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, ['scripts/build.mjs', '--minify'], root);
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const entry of CANDIDATES) {
  if (existsSync(join(root, entry))) cpSync(join(root, entry), join(stage, entry), { recursive: true });
}
delete manifest.files;
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
run(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', VSIX], stage);
rmSync(stage, { recursive: true, force: true });
console.log(`vsix: ${VSIX} (${Math.round(statSync(VSIX).size / 1024)} KB)`);
