import { join } from 'node:path';
import { MAX_CONFIG_BYTES } from '../config/load';
import { decodeDocument, MAX_DOCUMENT_BYTES } from '../document/decode';
import type { ReadProblem } from '../document/types';
import { describeSize } from '../files/readFile';
import { git } from './run';

/** One file of a revision: a regular blob (symbolic links and submodules are never listed). */
interface TreeEntry {
  object: string;
  size: number;
}

/**
 * The files of one commit, read through git without checking anything out. Paths are absolute, as
 * if the revision were the work tree at `root`, so both sides of a change name a file alike. A
 * symbolic link is not a file here (its blob is a path, never followed); blobs over the caps
 * Clausewise reads from disk are never read.
 */
export class RevisionTree {
  private readonly entries = new Map<string, TreeEntry>();
  private readonly texts = new Map<string, { text: string; problem?: ReadProblem }>();

  constructor(
    readonly root: string,
    readonly commit: string,
  ) {
    const listing = git(root, ['ls-tree', '-r', '-l', '-z', '--full-tree', commit]).stdout.toString('utf8');
    for (const record of listing.split('\0')) {
      const match = /^(\d{6}) blob ([0-9a-f]+) +(\d+)\t([^]+)$/.exec(record);
      if (!match || (match[1] !== '100644' && match[1] !== '100755')) continue;
      const path = match[4]!;
      // A crafted tree may hold names git itself would never write.
      if (path.split('/').some((part) => part === '' || part === '.' || part === '..' || part === '.git')) continue;
      this.entries.set(join(root, path), { object: match[2]!, size: Number(match[3]) });
    }
  }

  /** Every file's path, sorted. */
  paths(): string[] {
    return [...this.entries.keys()].sort();
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  /** A Markdown document's text, as readDocumentFile reads one from disk (problems instead of exceptions). */
  document(path: string): { text: string; problem?: ReadProblem } {
    const entry = this.entries.get(path);
    if (!entry) return { text: '', problem: { kind: 'unreadable', message: `the file is not in ${this.commit.slice(0, 7)}` } };
    if (entry.size > MAX_DOCUMENT_BYTES) {
      return { text: '', problem: { kind: 'too-large', message: `it is larger than the ${describeSize(MAX_DOCUMENT_BYTES)} Clausewise reads; split it or exclude it in .clausewise.yaml` } };
    }
    this.load([path]);
    return this.texts.get(path)!;
  }

  /** A config file's text, or undefined when it is missing or over the config cap. */
  config(path: string): string | undefined {
    const entry = this.entries.get(path);
    if (!entry || entry.size > MAX_CONFIG_BYTES) return undefined;
    this.load([path]);
    return this.texts.get(path)!.text;
  }

  /** Reads these files' blobs in one `git cat-file --batch` (one process, not one per file). */
  load(paths: string[]): void {
    const wanted = paths.filter((path) => !this.texts.has(path) && (this.entries.get(path)?.size ?? Infinity) <= MAX_DOCUMENT_BYTES);
    if (wanted.length === 0) return;
    const objects = wanted.map((path) => this.entries.get(path)!.object);
    const expected = wanted.reduce((sum, path) => sum + this.entries.get(path)!.size + 100, 0);
    const output = git(this.root, ['cat-file', '--batch'], { input: `${objects.join('\n')}\n`, maxBytes: expected + 1024 }).stdout;
    let offset = 0;
    for (const path of wanted) {
      const headerEnd = output.indexOf(0x0a, offset);
      const size = Number(output.subarray(offset, headerEnd).toString('latin1').split(' ')[2]);
      const bytes = output.subarray(headerEnd + 1, headerEnd + 1 + size);
      this.texts.set(path, decodeDocument(bytes));
      offset = headerEnd + 1 + size + 1;
    }
  }
}
