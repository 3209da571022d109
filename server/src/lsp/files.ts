import { fileURLToPath, pathToFileURL } from 'url';
import { readTextFile } from '../host/file-system';

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

/** The text on disk of the file a URI key names (undefined: not a file URI, or unreadable as text). */
export function diskTextOfUri(key: string): string | undefined {
  const fsPath = pathOfUri(key);
  return fsPath ? readTextFile(fsPath) : undefined;
}
