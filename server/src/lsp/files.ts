import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { readRegularFile } from '../cli/files/read-regular';
import { LIMITS } from '../engine/yaml/parse';

/**
 * Files as the server names them. The engine keys everything by a canonical `file:` URI: clients encode URIs in
 * their own way (VS Code escapes `:`, `@`, `(`…; Node does not), and one file must never count twice.
 */
export function canonicalUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

export function uriOfPath(fsPath: string): string {
  return pathToFileURL(fsPath).href;
}

/** The file system path of a `file:` URI; undefined for other schemes (untitled documents). */
export function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** A closed file's text, through the hosts' one bounded reader: a FIFO, a device or an over-sized file is not read. */
export function readTextFile(fsPath: string): string | undefined {
  const read = readRegularFile(fsPath, { maxBytes: LIMITS.fileBytes });
  if (read.kind !== 'bytes') return undefined;
  // UTF-8 with or without BOM; positions never count the BOM.
  const text = read.bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
export const YAML_FILE = /\.ya?ml$/i;

/** Every `*.yaml` / `*.yml` below a folder, skipping node_modules and .git; asynchronous so requests interleave. */
export async function* yamlFilesUnder(root: string): AsyncGenerator<string> {
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(full);
      } else if (entry.isFile() && YAML_FILE.test(entry.name)) yield full;
    }
  }
}
