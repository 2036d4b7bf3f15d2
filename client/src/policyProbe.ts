/** What the probe needs of VS Code's file system: `FileType.File` is 1, a symbolic link adds 64. */
export interface ProbeFileSystem<U> {
  stat(uri: U): PromiseLike<{ type: number; size: number }>;
  readFile(uri: U): PromiseLike<Uint8Array>;
}

const FILE = 1;
/** Only the start of a file is looked at; a file larger than a policy can be (2 MB) is not read at all. */
const MAX_PROBED_BYTES = 2 * 1024 * 1024;
const HEAD_BYTES = 8192;
const CLAUSEWISE_KEY = /^(clauses|excludes)\s*:/m;

/**
 * True when one of the files is a policy document. A workspace may hold a FIFO named `x.md` or a
 * link to /dev/zero: only regular files of a sane size are read, so activation cannot hang or
 * fill the extension host's memory.
 */
export async function anyPolicyFile<U>(uris: readonly U[], fs: ProbeFileSystem<U>): Promise<boolean> {
  for (const uri of uris) {
    try {
      const stat = await fs.stat(uri);
      if ((stat.type & FILE) === 0 || stat.size > MAX_PROBED_BYTES) continue;
      const bytes = await fs.readFile(uri);
      if (hasPolicyFrontmatter(new TextDecoder().decode(bytes.subarray(0, HEAD_BYTES)))) return true;
    } catch {
      // Gone or unreadable since it was listed: not a policy document to start the server for.
    }
  }
  return false;
}

/** The server's own rule for a policy document without a config: frontmatter naming clauses or excludes. */
export function hasPolicyFrontmatter(text: string): boolean {
  const frontmatter = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/.exec(text);
  return frontmatter !== null && CLAUSEWISE_KEY.test(frontmatter[1] ?? '');
}
