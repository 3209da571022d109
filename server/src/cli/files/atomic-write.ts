import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync, fchmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Replaces a file's content so that readers see the old bytes or the new, never a mix: a temporary file in the same
 * folder (same file system, so the rename is atomic), flushed to disk, given the old file's mode, then renamed over.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const mode = existingMode(file);
  const fd = openSync(temp, 'wx', mode ?? 0o666);
  try {
    writeAll(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    // The umask applied at open; an existing file keeps exactly its own mode.
    if (mode !== undefined) fchmodSync(fd, mode);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dirname(file));
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written);
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
