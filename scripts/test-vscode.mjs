// npm run test:vscode: bundles test/vscode/run.ts (npm packages stay external: playwright-core and
// esbuild cannot be bundled) into .cache/test-vscode/ and runs it. See test/vscode/run.ts.
import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const [entry = 'test/vscode/run.ts'] = process.argv.slice(2);
const outfile = join(root, '.cache', 'test-vscode', entry.replace(/^.*\//, '').replace(/\.ts$/, '.cjs'));
await build({ entryPoints: [join(root, entry)], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning' });
await import(pathToFileURL(outfile).href);
