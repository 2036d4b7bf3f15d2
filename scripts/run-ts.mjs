// Runs a TypeScript script by bundling it with esbuild first (no ts-node needed).
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
const outfile = join(mkdtempSync(join(tmpdir(), 'clausewise-')), 'script.cjs');
await build({ entryPoints: [script], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
