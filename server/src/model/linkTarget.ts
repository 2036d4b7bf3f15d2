import { dirname, resolve } from 'node:path';

/** Links to other sites, mail, or anchors in the same file are not checked here. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

/**
 * The local file a body link points to (undefined for other sites, mail and same-file anchors).
 * "/docs/x.md" is relative to the workspace root, as on a Git host, not to the filesystem root.
 */
export function linkTarget(documentPath: string, url: string, root?: string): { path: string; written: string } | undefined {
  if (!url || EXTERNAL.test(url)) return undefined;
  const written = safeDecode(url.replace(/[?#].*$/, ''));
  if (!written) return undefined;
  const path = written.startsWith('/') && root ? resolve(root, `.${written}`) : resolve(dirname(documentPath), written);
  return { path, written };
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}
