// One esbuild script bundles every entry point into dist/ (CommonJS for Node 20 and VS Code).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const entries = [
  { in: 'server/src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node', plugins: [xlsxApart()] },
  // exceljs (3 MB) in a bundle of its own, loaded by the CLI and the server only for soa-xlsx: in cli.js it cost every start ~60 ms.
  { in: 'server/src/report/soa/xlsx.ts', out: 'soa-xlsx' },
  { in: 'server/src/lsp/main.ts', out: 'server', banner: '#!/usr/bin/env node', plugins: [xlsxApart()] },
  { in: 'server/src/engine/analysisWorker.ts', out: 'worker' },
  { in: 'client/src/extension.ts', out: 'client', external: ['vscode'] },
];
// A missing entry point is a broken tree, not something to skip: the bundle would ship without it.
const missing = entries.filter((entry) => !existsSync(entry.in));
if (missing.length > 0) {
  console.error(`build: entry point missing: ${missing.map((entry) => entry.in).join(', ')}`);
  process.exit(1);
}

/** The `import('./xlsx')` of the SoA workbook module (CLI and server) loads dist/soa-xlsx.js at run time. */
function xlsxApart() {
  return {
    name: 'xlsx-apart',
    setup(build) {
      build.onResolve({ filter: /^\.\/xlsx$/ }, (args) => (args.importer.endsWith('/report/soa/render.ts') ? { path: './soa-xlsx.js', external: true } : undefined));
    },
  };
}

const watch = process.argv.includes('--watch');
await Promise.all(
  entries.map((entry) =>
    build({
      entryPoints: { [entry.out]: entry.in },
      outdir: 'dist',
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: true,
      minify: !watch && process.argv.includes('--minify'),
      external: entry.external ?? [],
      plugins: entry.plugins ?? [],
      banner: entry.banner ? { js: entry.banner } : undefined,
      logLevel: 'warning',
    }),
  ),
);

// The bundled catalog, validated once here and stored as JSON for fast start-up.
execFileSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/compile-catalog.ts'], { stdio: 'inherit' });
