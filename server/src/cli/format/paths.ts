import { isAbsolute, relative, sep } from 'node:path';

/** True when a path lies inside the working folder (or is it). */
export function isInside(path: string, cwd: string): boolean {
  const rel = relative(cwd, path);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * A path relative to the working folder with forward slashes, as CI platforms expect; a path
 * outside the working folder stays absolute ("/tmp/x.md", not "../../tmp/x.md").
 */
export function displayPath(path: string, cwd: string): string {
  return (isInside(path, cwd) ? relative(cwd, path) || path : path).split(sep).join('/');
}
