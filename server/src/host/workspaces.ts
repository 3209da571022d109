import { dirname } from 'node:path';
import { ConfigResolver } from './configs';
import type { HostFileSystem } from './file-system';
import { IgnoreRules } from './ignore-rules';
import type { IgnoreReason, IgnoreSettings } from './ignore-rules';
import { isCandidate } from './names';

/** What a walk finds: candidate files, and folders below that are workspaces of their own (not entered). */
export type WalkEntry = { file: string } | { nestedRoot: string };

/** Told of each folder or candidate file a walk leaves out because an ignore rule matches it (`lint --debug`). */
export type OnIgnored = (path: string, reason: IgnoreReason) => void;

export interface WorkspaceOptions extends IgnoreSettings {
  /** `--config` / `govspec.configPath`: one config for every file; it changes settings, never roots. */
  explicitConfig?: string;
}

/**
 * The workspace model of docs/semantics.md, shared by the CLI, the language server and the report: roots, configs,
 * ignores and walks, all through one `HostFileSystem`.
 */
export class Workspaces {
  readonly configs: ConfigResolver;
  readonly ignores: IgnoreRules;
  private readonly roots = new Map<string, string>();

  constructor(private readonly fs: HostFileSystem, options: WorkspaceOptions) {
    this.configs = new ConfigResolver(fs, options.explicitConfig);
    this.ignores = new IgnoreRules(fs, this.configs, options);
  }

  /**
   * The root of the workspace of a path linted on its own (a folder, or a file's folder): the nearest folder at or
   * above it marked by `root: true` or `.git`; else the outermost folder at or above it holding a config; else itself.
   */
  rootOf(path: string, isFolder: boolean): string {
    const start = isFolder ? path : dirname(path);
    let root = this.roots.get(start);
    if (root !== undefined) return root;
    let outermostConfig: string | undefined;
    for (let folder = start; ; folder = dirname(folder)) {
      if (this.configs.isRootMark(folder)) {
        root = folder;
        break;
      }
      if (this.configs.hasConfig(folder)) outermostConfig = folder;
      if (dirname(folder) === folder) {
        root = outermostConfig ?? start;
        break;
      }
    }
    this.roots.set(start, root);
    return root;
  }

  /**
   * The root of a file found under `linted` (a folder given on the command line, or the editor's workspace folder):
   * the nearest marked folder between the file and `linted`, else the root of `linted` itself — so every file
   * found under one folder shares its root unless a nested workspace holds it.
   */
  rootWithin(file: string, linted: string): string {
    for (let folder = dirname(file); folder !== linted && folder !== dirname(folder); folder = dirname(folder)) {
      if (this.configs.isRootMark(folder)) return folder;
    }
    return this.rootOf(linted, true);
  }

  ignoredBy(path: string, isFolder: boolean, root: string): IgnoreReason | undefined {
    return this.ignores.ignoredBy(path, isFolder, root);
  }

  /**
   * Every candidate file below `folder` that is not ignored in the workspace at `root`, in sorted order, and the
   * nested workspaces met on the way. Symbolic links are followed, but each real folder and file is visited once,
   * so link loops end and a linked file is not listed twice. A generator, so the editor can walk in slices.
   * `onIgnored`, if given, is told of each ignored folder or candidate file met on the way.
   */
  *walk(folder: string, root: string, onIgnored?: OnIgnored): Generator<WalkEntry> {
    const why = folder !== root ? this.ignoredBy(folder, true, root) : undefined;
    if (why) {
      onIgnored?.(folder, why);
      return;
    }
    yield* this.walkFolder(folder, root, new Set(), onIgnored);
  }

  private *walkFolder(dir: string, root: string, seen: Set<string>, onIgnored: OnIgnored | undefined): Generator<WalkEntry> {
    const real = this.fs.realPath(dir);
    if (real === undefined || seen.has(real)) return;
    seen.add(real);
    // A folder that cannot be listed contributes nothing; its files were never requested by name.
    for (const entry of this.fs.list(dir) ?? []) {
      if (entry.isFolder) {
        const why = this.ignores.entryIgnoredBy(entry.path, true, root);
        if (why) {
          onIgnored?.(entry.path, why);
          continue;
        }
        if (this.configs.isRootMark(entry.path)) yield { nestedRoot: entry.path };
        else yield* this.walkFolder(entry.path, root, seen, onIgnored);
      } else if (isCandidate(entry.name)) {
        const why = this.ignores.entryIgnoredBy(entry.path, false, root);
        if (why) {
          onIgnored?.(entry.path, why);
          continue;
        }
        const realFile = this.fs.realPath(entry.path);
        if (realFile === undefined || seen.has(realFile)) continue;
        seen.add(realFile);
        yield { file: entry.path };
      }
    }
  }

  /** The files of a walk (the CLI, which needs them all at once). */
  filesUnder(folder: string, root: string, onIgnored?: OnIgnored): { files: string[]; nestedRoots: string[] } {
    const files: string[] = [];
    const nestedRoots: string[] = [];
    for (const entry of this.walk(folder, root, onIgnored)) {
      if ('file' in entry) files.push(entry.file); else nestedRoots.push(entry.nestedRoot);
    }
    return { files, nestedRoots };
  }

  invalidate(): void {
    this.configs.invalidate();
    this.ignores.invalidate();
    this.roots.clear();
  }
}
