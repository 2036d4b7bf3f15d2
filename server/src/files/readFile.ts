import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/**
 * Why a file was not read: `ENOTREG` for a FIFO, device, socket or folder; `EFBIG` for a file over
 * the limit; otherwise the system's code (ENOENT, EACCES…). The message never quotes the file.
 */
export class FileReadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'FileReadError';
  }
}

// Opening a FIFO for reading waits for a writer unless O_NONBLOCK is given; on a regular file it changes nothing.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const CHUNK = 64 * 1024;

/**
 * Reads a regular file, at most `maxBytes` of it. Everything Clausewise reads from a repository
 * (documents, configs, catalogs, .gitignore files) comes through here, so a FIFO, `/dev/zero` or a
 * link to either is refused at once instead of hanging or filling memory. The size is counted while
 * reading, not taken from `stat`, because /proc files say 0 and a file may grow meanwhile.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, READ_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new FileReadError(code, `cannot open it (${code})`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new FileReadError('ENOTREG', `it is ${kindOf(stat)}, not a regular file`);
    const chunks: Buffer[] = [];
    let total = 0;
    // The size stat gives is a hint for the first read (one read for most files), never a limit.
    let want = stat.size > 0 ? stat.size + 1 : CHUNK;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(want, maxBytes + 1 - total));
      want = CHUNK;
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) throw new FileReadError('EFBIG', `it is larger than the ${describeSize(maxBytes)} Clausewise reads`);
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new FileReadError(code, `cannot read it (${code})`);
  } finally {
    closeSync(fd);
  }
}

export function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1048576).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isDirectory()) return 'a folder';
  return 'not a regular file';
}
