import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LIMITS } from '../engine';
import { decode } from './decode';
import { readRegularFile } from './read-regular';

/** One entry of a folder, symbolic links resolved to what they point at. */
export interface FolderEntry { name: string; path: string; isFolder: boolean }

/**
 * What the host layer needs of the file system. The CLI uses the disk as it is; the language server reads open
 * documents before the disk (an unsaved config counts), through the same interface.
 */
export interface HostFileSystem {
  /** A file's text, decoded by the one decoder of both hosts (`decode.ts`); undefined when it cannot be read as text. */
  readText(path: string): string | undefined;
  /** Whether anything exists at the path (a `.git` folder or file). */
  exists(path: string): boolean;
  /** A folder's entries sorted by name; undefined when it cannot be listed. */
  list(folder: string): FolderEntry[] | undefined;
  /** The real path (links resolved), undefined when it does not resolve. */
  realPath(path: string): string | undefined;
}

/** A file's text as both hosts read it: the bytes through `decode`; anything unreadable or not text is undefined. */
export function readTextFile(path: string): string | undefined {
  // Regular files only, bounded by the bytes read: a FIFO or /dev/zero named as a config never ends.
  const read = readRegularFile(path, { maxBytes: LIMITS.fileBytes });
  if (read.kind !== 'bytes') return undefined;
  const decoded = decode(read.bytes);
  return 'text' in decoded ? decoded.text : undefined;
}

/** Why `readTextFile` gave nothing for a path that is there (a FIFO, a device, a folder, too big, not text); undefined when nothing is there. */
export function whyNotText(path: string): string | undefined {
  const read = readRegularFile(path, { maxBytes: LIMITS.fileBytes });
  if (read.kind === 'gone') return undefined;
  if (read.kind === 'refused') return read.why;
  if (read.kind === 'too-big') return `larger than ${LIMITS.fileBytes} bytes`;
  const decoded = decode(read.bytes);
  return 'problem' in decoded ? (decoded.problem === 'binary' ? 'not text (binary content)' : 'not in a supported text encoding') : undefined;
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function isFolderPath(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export const NODE_FILE_SYSTEM: HostFileSystem = {
  readText: readTextFile,
  exists: (path) => existsSync(path),
  list(folder) {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return undefined;
    }
    return entries.sort(byName).map((entry) => {
      const path = join(folder, entry.name);
      return { name: entry.name, path, isFolder: entry.isDirectory() || (entry.isSymbolicLink() && isFolderPath(path)) };
    });
  },
  realPath(path) {
    try {
      // One system call rather than an lstat per path component: the walk asks for every file.
      return realpathSync.native(path);
    } catch {
      return undefined;
    }
  },
};
