import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * What reading one file gave. Only regular files are read: a FIFO would block for ever, a device (`/dev/zero`,
 * `/dev/urandom`) never ends, and either can be committed to a repository as a symbolic link or a node named
 * `x.service.yaml`.
 */
export type RegularFileRead =
  | { kind: 'bytes'; bytes: Buffer }
  /** Deleted (or never there) when it was opened. */
  | { kind: 'gone' }
  /** More than the bound: `head` is the first bytes of it, enough to tell whether it is meant as GovSpec. */
  | { kind: 'too-big'; head: Buffer }
  /** Not read: `why` is an error code (`EACCES`) or what the path is instead of a regular file inside the workspace. */
  | { kind: 'refused'; why: string };

export interface ReadBounds {
  /** The most bytes read; a file with more is `too-big`, whatever `stat` says (a `/proc` file says 0). */
  maxBytes: number;
  /** The workspace folder: a file reached through a symbolic link is read only when its real path lies inside it. */
  workspace?: string;
}

/** How much of an over-sized file is kept. */
const HEAD_BYTES = 64 * 1024;

/** The first read when `stat` gives no size; later reads double the buffer. */
const FIRST_READ_BYTES = 64 * 1024;

/** Opening a FIFO without it blocks until a writer comes; on a regular file the flag changes nothing. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * The one reader of every file a host takes from disk: lint targets, configs and what they extend, the language
 * server's closed files, cache entries, reports to merge. Never throws, never blocks on a special file, and never
 * holds more than `maxBytes + 1` bytes: the node is checked after it is opened (`fstat` of the open descriptor, so
 * it cannot be swapped in between), and the bound counts bytes actually read.
 */
export function readRegularFile(file: string, bounds: ReadBounds): RegularFileRead {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    const code = codeOf(error);
    return code === 'ENOENT' ? { kind: 'gone' } : { kind: 'refused', why: code };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { kind: 'refused', why: `not a regular file (${nodeKind(stats)})` };
    if (bounds.workspace !== undefined && !linkStaysInside(file, bounds.workspace)) {
      return { kind: 'refused', why: 'a symbolic link to a file outside the workspace' };
    }
    return readBounded(fd, stats.size, bounds.maxBytes);
  } catch (error) {
    // Only the real path can be missing here: the file was deleted or renamed since it was opened, so it is gone.
    const code = codeOf(error);
    return code === 'ENOENT' ? { kind: 'gone' } : { kind: 'refused', why: code };
  } finally {
    closeSync(fd);
  }
}

function readBounded(fd: number, statSize: number, maxBytes: number): RegularFileRead {
  // One byte past the bound tells a file at the bound from one over it.
  const limit = maxBytes + 1;
  let buffer = Buffer.allocUnsafe(Math.min(limit, statSize > 0 ? statSize + 1 : FIRST_READ_BYTES));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length >= limit) return { kind: 'too-big', head: Buffer.from(buffer.subarray(0, Math.min(HEAD_BYTES, length))) };
      const grown = Buffer.allocUnsafe(Math.min(limit, buffer.length * 2));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) return { kind: 'bytes', bytes: buffer.subarray(0, length) };
    length += read;
  }
}

/** A path whose real path is itself is no link; a linked one must land inside the workspace's real folder. */
function linkStaysInside(file: string, workspace: string): boolean {
  const real = realpathSync.native(file);
  if (real === resolve(file)) return true;
  const rel = relative(realFolder(workspace), real);
  return rel !== '' && !isAbsolute(rel) && rel.split(sep)[0] !== '..';
}

const realFolders = new Map<string, string>();

function realFolder(folder: string): string {
  let real = realFolders.get(folder);
  if (real === undefined) {
    try {
      real = realpathSync.native(folder);
    } catch {
      real = resolve(folder);
    }
    realFolders.set(folder, real);
  }
  return real;
}

function nodeKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
