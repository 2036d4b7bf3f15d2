import { randomBytes } from 'node:crypto';
import {
  closeSync, constants, fchmodSync, fstatSync, fsyncSync, lstatSync, openSync, readSync, renameSync, unlinkSync, writeSync, type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isReallyInside, realPath } from './confine';
import { readRegularFile } from './readFile';

/** Why a file was not written; the message says what to do, and the run goes on with the next file. */
export class FileWriteError extends Error {
  constructor(
    readonly code: 'link' | 'not-regular' | 'outside' | 'read-only' | 'changed' | 'locked' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'FileWriteError';
  }
}

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW;

/**
 * Replaces a file that held `expected` with `content`, or throws FileWriteError and changes nothing.
 * Built for a repository that may be hostile:
 * - a symbolic link is never written through, and nothing is written outside `roots` (links followed);
 * - a read-only file stays as it is (rename would replace it even so);
 * - the temporary file has an unpredictable name and is created exclusively, so a planted link
 *   (`.a.md.…tmp -> .git/hooks/post-commit`) is never followed; its mode is set through the handle;
 * - a lock beside the file keeps two runs from writing it at once, and the file is compared with
 *   `expected` just before the rename: a file changed meanwhile is refused, not overwritten.
 */
export function replaceFile(path: string, expected: Buffer, content: string | Buffer, roots: string[]): void {
  const before = regularFile(path);
  if (!isReallyInside(dirname(path), roots)) {
    throw new FileWriteError('outside', `it is outside the folders this run may write (${roots.map(realPath).join(', ')}); name it on the command line to fix it`);
  }
  if ((before.mode & 0o222) === 0) throw new FileWriteError('read-only', 'the file is read-only; make it writable to let Clausewise fix it, or fix it by hand');
  let release: (() => void) | undefined;
  try {
    release = lock(path);
    const temporary = writeTemporary(dirname(path), basename(path), content, before.mode & 0o7777);
    try {
      if (!holds(path, before, expected)) throw new FileWriteError('changed', 'it changed on disk while Clausewise worked; not written, run again');
      renameSync(temporary, path);
    } catch (error) {
      removeQuietly(temporary);
      throw error;
    }
  } catch (error) {
    throw asWriteError(error);
  } finally {
    release?.();
  }
}

/**
 * Writes a file Clausewise owns (the cache) atomically: an exclusive, unpredictable temporary file
 * renamed over it. Rename replaces a link at `path` rather than following it.
 */
export function writeOwnFile(path: string, content: string | Buffer): void {
  const temporary = writeTemporary(dirname(path), basename(path), content, 0o644);
  try {
    renameSync(temporary, path);
  } catch (error) {
    removeQuietly(temporary);
    throw error;
  }
}

function regularFile(path: string): Stats {
  let stat: Stats;
  try {
    stat = lstatSync(path);
  } catch (error) {
    throw new FileWriteError('changed', `it is gone (${(error as NodeJS.ErrnoException).code}); not written`);
  }
  if (stat.isSymbolicLink()) {
    throw new FileWriteError('link', `it is a symbolic link (to ${realPath(path)}); Clausewise does not write through links: fix the file it points to`);
  }
  if (!stat.isFile()) throw new FileWriteError('not-regular', 'it is not a regular file; not written');
  return stat;
}

function writeTemporary(dir: string, name: string, content: string | Buffer, mode: number): string {
  const temporary = join(dir, `.${name}.${randomBytes(8).toString('hex')}.clausewise.tmp`);
  const fd = openSync(temporary, CREATE_NEW, 0o600);
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
    fchmodSync(fd, mode);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    removeQuietly(temporary);
    throw error;
  }
  closeSync(fd);
  return temporary;
}

/** True when the file is still the one read (same inode) and holds exactly the bytes read. */
function holds(path: string, before: Stats, expected: Buffer): boolean {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | NO_FOLLOW | (constants.O_NONBLOCK ?? 0));
  } catch {
    return false;
  }
  try {
    const now = fstatSync(fd);
    if (!now.isFile() || now.ino !== before.ino || now.dev !== before.dev || now.size !== expected.length) return false;
    const actual = Buffer.alloc(expected.length + 1);
    let read = 0;
    for (let n; read < actual.length && (n = readSync(fd, actual, read, actual.length - read, read)) > 0; ) read += n;
    return read === expected.length && actual.subarray(0, read).equals(expected);
  } finally {
    closeSync(fd);
  }
}

/** A lock file beside the file, holding the owner's pid; a lock whose owner is gone is taken over. */
function lock(path: string): () => void {
  const file = join(dirname(path), `.${basename(path)}.clausewise.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, CREATE_NEW, 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => removeQuietly(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw error;
      if (attempt === 0 && isStale(file)) removeQuietly(file);
    }
  }
  throw new FileWriteError('locked', `another Clausewise run is writing it (lock ${file}); run again when it has finished, or delete the lock if no run is going`);
}

function isStale(file: string): boolean {
  try {
    if (!lstatSync(file).isFile()) return false;
    const pid = Number(readRegularFile(file, 32).toString());
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

function asWriteError(error: unknown): FileWriteError {
  if (error instanceof FileWriteError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  const hint = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? ': the folder is not writable' : code === 'ENOSPC' ? ': the disk is full' : '';
  return new FileWriteError('failed', `cannot write it (${code})${hint}`);
}
