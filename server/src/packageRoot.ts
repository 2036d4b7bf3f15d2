import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | undefined;

/** The folder that holds Clausewise's package.json (works from sources, tests and dist bundles). */
export function packageRoot(): string {
  if (root) return root;
  let dir = __dirname;
  while (!existsSync(join(dir, 'controls', 'schema', 'catalog.schema.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Clausewise cannot find its controls/ folder above ${__dirname}; reinstall the package.`);
    dir = parent;
  }
  root = dir;
  return dir;
}

export function packagePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
