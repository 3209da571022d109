import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, fchmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeContent, type Content } from './pieces';

/**
 * Replaces a file's content so that readers see the old bytes or the new, never a mix: a temporary file in the same
 * folder (same file system, so the rename is atomic), flushed to disk, given the old file's mode, then renamed over.
 * Content in pieces (a streamed report) is written piece by piece: readers still see it whole or not at all.
 */
export function writeFileAtomic(file: string, data: Content): void {
  write(file, data, false);
}

/**
 * Replaces the content of a file that exists, as `writeFileAtomic` does; when the file or its folder is gone (deleted
 * or renamed since it was read), writes nothing and returns false, so that a `--fix` never brings back a file that
 * was removed while it ran, nor fails because its folder went. Existence is checked again just before the rename
 * (no call replaces only an existing file atomically; the window left is that between a stat and a rename).
 */
export function replaceFileAtomic(file: string, data: string | Uint8Array): boolean {
  if (existingMode(file) === undefined) return false;
  try {
    return write(file, data, true);
  } catch (error) {
    // The folder went between the check and the temporary file.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

const tempPathOf = (file: string): string => join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/**
 * `writeFileAtomic` for content too large to hold in memory: `produce` writes the temporary file (it gets its path),
 * which is then flushed, given the old file's mode and renamed over `file`; on any failure it is removed.
 */
export async function writeFileAtomicFrom(file: string, produce: (temp: string) => Promise<void>): Promise<void> {
  const temp = tempPathOf(file);
  const mode = existingMode(file);
  try {
    closeSync(openSync(temp, 'wx', mode ?? 0o666));
    await produce(temp);
    const fd = openSync(temp, 'r+');
    try {
      if (mode !== undefined) fchmodSync(fd, mode);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dirname(file));
}

function write(file: string, data: Content, mustExist: boolean): boolean {
  const temp = tempPathOf(file);
  const mode = existingMode(file);
  const fd = openSync(temp, 'wx', mode ?? 0o666);
  try {
    writeContent(fd, data);
    // The umask applied at open; an existing file keeps exactly its own mode.
    if (mode !== undefined) fchmodSync(fd, mode);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  if (mustExist && existingMode(file) === undefined) {
    rmSync(temp, { force: true });
    return false;
  }
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dirname(file));
  return true;
}

function existingMode(file: string): number | undefined {
  try {
    return statSync(file).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/** Makes the rename itself durable; some platforms cannot open a folder for syncing, which only costs durability. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try { fsyncSync(fd); } finally { closeSync(fd); }
  } catch {
    // Best effort, see above.
  }
}
