import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Folders never walked (cli.md). */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const YAML_FILE = /\.ya?ml$/i;

/** The config file is recognised by name and is never linted as a document (docs/semantics.md). */
export const CONFIG_FILE_NAME = 'govspec.config.yaml';

/** Whether a walked file is a candidate document: YAML by extension, and not the config file. */
export function isCandidate(name: string): boolean {
  return YAML_FILE.test(name) && name !== CONFIG_FILE_NAME;
}

/**
 * Every candidate file below `folder`, in sorted order. Symbolic links are followed, but each real folder and file
 * is visited once, so link loops end and a linked file is not linted twice. `skip` prunes ignored folders early.
 */
export function walkYamlFiles(folder: string, skip: (path: string, isFolder: boolean) => boolean = () => false): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (dir: string) => {
    const real = realPathOf(dir);
    if (real === undefined || seen.has(real)) return;
    seen.add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      // A folder that cannot be listed contributes nothing; its files were never requested by name.
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, entry.name);
      const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && isFolderPath(path));
      if (isFolder) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !skip(path, true)) visit(path);
      } else if (isCandidate(entry.name) && !skip(path, false)) {
        const realFile = realPathOf(path);
        if (realFile !== undefined && !seen.has(realFile)) {
          seen.add(realFile);
          out.push(path);
        }
      }
    }
  };
  visit(folder);
  return out;
}

function realPathOf(path: string): string | undefined {
  try {
    // One system call rather than an lstat per path component: the walk asks for every file.
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

function isFolderPath(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
