import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import ignore from 'ignore';
import type { Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { IgnoreSource } from '../engine';
import type { ConfigResolver } from './configs';
import type { HostFileSystem } from './file-system';
import { ALWAYS_SKIPPED_FOLDERS } from './names';

/** What, besides config `ignore` globs and always-skipped folders, a run ignores (docs/semantics.md). */
export interface IgnoreSettings {
  /** `--ignore-pattern` globs, relative to `base` (the working directory). */
  patterns?: { base: string; globs: readonly string[] };
  /** Whether the workspace's `.gitignore` files are honoured (`--no-gitignore` turns it off). */
  gitignore: boolean;
  /** Folders (absolute) skipped like node_modules: the cache folder wherever `--cache-location` puts it. */
  skipFolders?: readonly string[];
}

/** Why a path is ignored, for the warning about a file named on the command line. */
export type IgnoreReason =
  | { by: 'always'; folder: string }
  | { by: 'config'; file: string }
  | { by: 'pattern' }
  | { by: 'gitignore'; file: string };

const GITIGNORE = '.gitignore';

/** `path` relative to `base` with `/` separators; undefined when it is not below `base`. */
export function relativeBelow(base: string, path: string): string | undefined {
  const rel = relative(base, path);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/**
 * Ignore matching for both hosts. Each entry (file or folder) is tested on its own by `entryIgnoredBy`; a path is
 * ignored when it or any folder holding it below the workspace root is (`ignoredBy`), which is what a walk that
 * prunes ignored folders computes. Config globs are those of the config governing the entry's folder, relative to
 * the folder of the config that declares them; `.gitignore` files apply below their own folder, with git's syntax
 * (the `ignore` library); globs match dot files.
 */
export class IgnoreRules {
  private readonly globMatchers = new Map<IgnoreSource, picomatch.Matcher>();
  private readonly patternMatcher: picomatch.Matcher | undefined;
  private readonly gitignores = new Map<string, Ignore | undefined>();
  private readonly folderVerdicts = new Map<string, IgnoreReason | null>();

  constructor(private readonly fs: HostFileSystem, private readonly configs: ConfigResolver, private readonly settings: IgnoreSettings) {
    const globs = settings.patterns?.globs ?? [];
    this.patternMatcher = globs.length > 0 ? picomatch([...globs], { dot: true }) : undefined;
  }

  /** Why `path` is ignored within the workspace at `root`, or undefined. */
  ignoredBy(path: string, isFolder: boolean, root: string): IgnoreReason | undefined {
    const rel = relativeBelow(root, path);
    if (rel === undefined) return this.entryIgnoredBy(path, isFolder, root);
    const parts = rel.split('/');
    let folder = root;
    for (const part of parts.slice(0, -1)) {
      folder = join(folder, part);
      const why = this.folderIgnoredBy(folder, root);
      if (why) return why;
    }
    return this.entryIgnoredBy(path, isFolder, root);
  }

  /** Why one entry is ignored by its own name and path (the folders holding it are the caller's to test). */
  entryIgnoredBy(path: string, isFolder: boolean, root: string): IgnoreReason | undefined {
    const name = path.slice(dirname(path).length + 1);
    if (isFolder && (ALWAYS_SKIPPED_FOLDERS.has(name) || this.settings.skipFolders?.includes(path))) return { by: 'always', folder: name };
    const config = this.configs.of(dirname(path), true).config;
    for (const source of config?.ignoreSources ?? []) {
      const rel = relativeBelow(dirname(source.file), path);
      if (rel !== undefined && this.globMatcher(source)(rel)) return { by: 'config', file: source.file };
    }
    const fromCwd = this.patternMatcher && relativeBelow(this.settings.patterns!.base, path);
    if (fromCwd !== undefined && this.patternMatcher!(fromCwd)) return { by: 'pattern' };
    return this.settings.gitignore ? this.gitignoredBy(path, isFolder, root) : undefined;
  }

  private folderIgnoredBy(folder: string, root: string): IgnoreReason | undefined {
    const key = `${root}\u0000${folder}`;
    let verdict = this.folderVerdicts.get(key);
    if (verdict === undefined) this.folderVerdicts.set(key, (verdict = this.entryIgnoredBy(folder, true, root) ?? null));
    return verdict ?? undefined;
  }

  /** The `.gitignore` files of the folders from the root down to the entry's own, each for the paths below it. */
  private gitignoredBy(path: string, isFolder: boolean, root: string): IgnoreReason | undefined {
    const folders = [root];
    const rel = relativeBelow(root, dirname(path));
    if (rel !== undefined) for (const part of rel.split('/')) folders.push(join(folders[folders.length - 1], part));
    for (const folder of folders) {
      const rules = this.gitignoreOf(folder);
      const below = relativeBelow(folder, path);
      if (rules && below !== undefined && rules.ignores(isFolder ? `${below}/` : below)) return { by: 'gitignore', file: join(folder, GITIGNORE) };
    }
    return undefined;
  }

  private gitignoreOf(folder: string): Ignore | undefined {
    if (this.gitignores.has(folder)) return this.gitignores.get(folder);
    const text = this.fs.readText(join(folder, GITIGNORE));
    const rules = text === undefined ? undefined : ignore().add(text);
    this.gitignores.set(folder, rules);
    return rules;
  }

  private globMatcher(source: IgnoreSource): picomatch.Matcher {
    let match = this.globMatchers.get(source);
    if (!match) this.globMatchers.set(source, (match = picomatch([...source.patterns], { dot: true })));
    return match;
  }

  /** Configs and .gitignore files are read again (the editor, after one of them changed). */
  invalidate(): void {
    this.gitignores.clear();
    this.folderVerdicts.clear();
    this.globMatchers.clear();
  }
}
