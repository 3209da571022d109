import { basename, dirname, join, resolve } from 'node:path';
import { declaresRoot, loadConfig } from '../engine';
import type { LoadedConfig } from '../engine';
import { DEFAULT_CONFIG } from '../engine';
import type { ResolvedConfig } from '../engine';
import { whyNotText } from './file-system';
import type { HostFileSystem } from './file-system';
import { CONFIG_FILE_NAME, GIT_ENTRY } from './names';

/** The config that governs a file or folder (docs/semantics.md). */
export interface Governing {
  /** The config file (absolute); undefined for the built-in default. */
  file: string | undefined;
  /** Undefined while the config cannot be used: `loaded.findings` say why, and nothing it governs is linted. */
  config: ResolvedConfig | undefined;
  /** The chain as loaded (meta/config and meta/unknown-rule findings); undefined for the built-in default. */
  loaded: LoadedConfig | undefined;
}

/** No config file: the built-in `recommended`. */
export const BUILT_IN_CONFIG: Governing = { file: undefined, config: DEFAULT_CONFIG, loaded: undefined };

/**
 * Finds and loads configs for both hosts, caching the nearest config of each folder, each folder's root mark and
 * each loaded chain until `invalidate`. The search runs up from a folder and stops at the workspace root (a folder
 * marked by `root: true` or `.git`, docs/semantics.md): a config above the root never applies.
 */
export class ConfigResolver {
  private readonly nearest = new Map<string, string | undefined>();
  private readonly marks = new Map<string, boolean>();
  private readonly loaded = new Map<string, Governing>();
  /** Every file read while loading a chain, so that a change to any of them is noticed. */
  private readonly chainFiles = new Set<string>();

  /** `explicit`: a config file for every file (`--config`, `govspec.configPath`); it changes settings, never roots. */
  constructor(private readonly fs: HostFileSystem, private readonly explicit?: string) {}

  /** The config of a file, or of a folder (standard input without a name; a folder's own ignore globs). */
  of(path: string, isFolder = false, explicit = this.explicit): Governing {
    const file = explicit ?? this.nearestConfig(isFolder ? path : dirname(path));
    return file === undefined ? BUILT_IN_CONFIG : this.load(file);
  }

  /** A config file loaded as it is (the editor checks a config file open on its own). */
  load(file: string): Governing {
    let hit = this.loaded.get(file);
    if (!hit) {
      const loaded = loadConfig(file, {
        read: (f) => {
          this.chainFiles.add(f);
          return this.fs.readText(f);
        },
        resolve: (from, rel) => resolve(dirname(from), rel),
        unreadable: (f) => whyNotText(f),
      });
      hit = { file, config: loaded.config, loaded };
      this.loaded.set(file, hit);
    }
    return hit;
  }

  /**
   * Whether a folder holds a config file (read or not): one that cannot be read (a FIFO, a device) still governs the
   * folder, as a config that cannot be used (meta/config, exit 2 in the CLI), never as no config at all.
   */
  hasConfig(folder: string): boolean {
    const path = join(folder, CONFIG_FILE_NAME);
    return this.fs.readText(path) !== undefined || this.fs.exists(path);
  }

  /** Whether a folder is a workspace root by its own mark: a `.git` entry, or a config saying `root: true`. */
  isRootMark(folder: string): boolean {
    let mark = this.marks.get(folder);
    if (mark === undefined) {
      const text = this.fs.readText(join(folder, CONFIG_FILE_NAME));
      mark = this.fs.exists(join(folder, GIT_ENTRY)) || (text !== undefined && declaresRoot(text));
      this.marks.set(folder, mark);
    }
    return mark;
  }

  /** True for a file whose change can change a config or a root: any govspec.config.yaml, or a file some chain extends. */
  isConfigFile(path: string): boolean {
    return basename(path) === CONFIG_FILE_NAME || this.chainFiles.has(path);
  }

  invalidate(): void {
    this.nearest.clear();
    this.marks.clear();
    this.loaded.clear();
    this.chainFiles.clear();
  }

  private nearestConfig(folder: string): string | undefined {
    if (this.nearest.has(folder)) return this.nearest.get(folder);
    const parent = dirname(folder);
    const found = this.hasConfig(folder) ? join(folder, CONFIG_FILE_NAME)
      : parent === folder || this.isRootMark(folder) ? undefined : this.nearestConfig(parent);
    this.nearest.set(folder, found);
    return found;
  }
}
