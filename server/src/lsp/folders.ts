import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isWalkedMarkdownFile, walkMarkdownFiles } from '../engine/markdownFiles';
import type { Session } from '../engine/session';
import { DataFileError } from '../yaml/problem';

/**
 * The workspace folders and which Markdown files belong to them: exactly the files
 * `clausewise check <folder>` would check (`.gitignore` and the configs' `exclude` honoured).
 */
export class WorkspaceFolders {
  private roots: string[] = [];

  constructor(
    private readonly session: Session,
    private readonly log: (message: string) => void,
  ) {}

  /** The folders, as absolute paths. */
  paths(): string[] {
    return this.roots;
  }

  /** Replaces the folders (duplicates dropped). */
  set(roots: string[]): void {
    this.roots = [...new Set(roots)];
  }

  /** Every Markdown file of the folders, sorted. */
  discover(): string[] {
    const found = new Set<string>();
    const problems: string[] = [];
    for (const root of this.roots) {
      if (existsSync(root)) walkMarkdownFiles(root, found, problems, (path) => !this.excludedUnder(root, path));
    }
    for (const problem of problems) this.log(`Clausewise skipped ${problem}`);
    return [...found].sort();
  }

  /** Whether a file (one that appeared after discover, say) belongs to the workspace. */
  contains(path: string): boolean {
    return this.roots.some((root) => isWalkedMarkdownFile(root, path) && !this.excludedUnder(root, path)) && !this.excludedByOwnConfig(path);
  }

  /** Like the CLI walking a folder: the exclude globs of the config governing the folder apply to everything below it. */
  private excludedUnder(root: string, path: string): boolean {
    try {
      return this.session.setForDirectory(root).isExcluded(path);
    } catch (error) {
      if (error instanceof DataFileError) return true;
      throw error;
    }
  }

  /** And the file's own config may exclude it too; a config that cannot be used is reported when the file is checked. */
  private excludedByOwnConfig(path: string): boolean {
    try {
      return this.session.isExcluded(path);
    } catch (error) {
      if (error instanceof DataFileError) return false;
      throw error;
    }
  }
}

/** The file path of a `file:` URI, or undefined for other schemes and malformed URIs. */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    // Not a usable file URI (e.g. a remote authority): nothing Clausewise can read.
    return undefined;
  }
}
