import { relative, sep } from 'node:path';
import { isInside } from '../shared/paths';

/**
 * A path relative to the working folder with forward slashes, as CI platforms expect; a path
 * outside the working folder stays absolute ("/tmp/x.md", not "../../tmp/x.md").
 */
export function displayPath(path: string, cwd: string): string {
  return (isInside(path, cwd) ? relative(cwd, path) || path : path).split(sep).join('/');
}
