import { basename } from 'node:path';

/** The config file is recognised by name and is never linted as a document (docs/semantics.md). */
export const CONFIG_FILE_NAME = 'govspec.config.yaml';

/** Where `--cache` keeps its entries unless `--cache-location` says otherwise, relative to the working directory. */
export const DEFAULT_CACHE_FOLDER = '.govspec-cache';

/** Folders never walked nor linted, whatever the ignore settings (docs/semantics.md). */
export const ALWAYS_SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', DEFAULT_CACHE_FOLDER]);

/** The entry whose presence makes a folder a workspace root (a folder for a clone, a file for a worktree). */
export const GIT_ENTRY = '.git';

/** Whether a path names a root mark's `.git` entry: its appearing or going moves a workspace root (docs/workspace.md). */
export function isGitEntry(path: string): boolean {
  return basename(path) === GIT_ENTRY;
}

const YAML_FILE = /\.ya?ml$/i;

/** Whether a file is a candidate document: YAML by extension, and not the config file. */
export function isCandidate(name: string): boolean {
  return YAML_FILE.test(name) && name !== CONFIG_FILE_NAME;
}
