import { relative, sep } from 'node:path';

/** A path relative to the working folder with forward slashes, as CI platforms expect. */
export function displayPath(path: string, cwd: string): string {
  return (relative(cwd, path) || path).split(sep).join('/');
}
