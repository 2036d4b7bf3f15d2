import { isAbsolute, relative, sep } from 'node:path';

/** True when `path` is `folder` or lies below it, by name (no symbolic links followed). */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
