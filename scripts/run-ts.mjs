// Runs a TypeScript script by bundling it with esbuild first (no ts-node needed). The bundle goes
// to .cache/ inside the project, so code that finds the package folder from __dirname still works.
import { build } from 'esbuild';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
const outfile = join(resolve(import.meta.dirname, '..'), '.cache', 'run-ts', `${basename(script, '.ts')}.cjs`);
await build({ entryPoints: [script], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
