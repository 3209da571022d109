import * as path from 'path';
import picomatch from 'picomatch';
import { loadConfig } from '../engine/config/load';
import type { LoadedConfig } from '../engine/config/load';
import { DEFAULT_CONFIG } from '../engine/config/types';
import type { ResolvedConfig } from '../engine/config/types';

export const CONFIG_FILE_NAME = 'govspec.config.yaml';

/** The config that governs one document (docs/semantics.md). */
export interface DocumentConfig {
  /** Undefined while the governing config cannot be used: the document then gets nothing. */
  config: ResolvedConfig | undefined;
  /** The config file (file system path), when there is one. */
  file: string | undefined;
  loaded: LoadedConfig | undefined;
}

const NO_CONFIG: DocumentConfig = { config: DEFAULT_CONFIG, file: undefined, loaded: undefined };

/**
 * Finds and loads configs through the host's `read` (open documents first, then disk), caching the nearest config of
 * each folder and each loaded chain until `invalidate`.
 */
export class ConfigResolver {
  private readonly nearest = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, LoadedConfig>();
  /** Every file read while loading a chain, so that a change to any of them is noticed. */
  private readonly chainFiles = new Set<string>();
  private readonly matchers = new Map<string, (rel: string) => boolean>();

  constructor(private readonly read: (fsPath: string) => string | undefined) {}

  /** The config of a document: `override` (an explicit config path) or the nearest govspec.config.yaml above it. */
  forFile(fsPath: string | undefined, override?: string): DocumentConfig {
    const file = override ?? (fsPath ? this.nearestConfig(path.dirname(fsPath)) : undefined);
    if (!file) return NO_CONFIG;
    const loaded = this.load(file);
    return { config: loaded.config, file, loaded };
  }

  /** Ignored files are neither linted nor indexed; `ignore` globs are relative to the config's folder and match dot files. */
  isIgnored(fsPath: string, dc: DocumentConfig): boolean {
    if (!dc.config || !dc.file || dc.config.ignore.length === 0) return false;
    const base = path.dirname(dc.file);
    const rel = path.relative(base, fsPath).split(path.sep).join('/');
    if (rel.startsWith('../')) return false;
    const key = `${base}\u0000${dc.config.ignore.join('\u0000')}`;
    let match = this.matchers.get(key);
    if (!match) this.matchers.set(key, (match = picomatch([...dc.config.ignore], { dot: true })));
    return match(rel);
  }

  /** True for a file whose change can change a config: any govspec.config.yaml, or a file some chain extends. */
  isConfigFile(fsPath: string): boolean {
    return path.basename(fsPath) === CONFIG_FILE_NAME || this.chainFiles.has(fsPath);
  }

  invalidate(): void {
    this.nearest.clear();
    this.loaded.clear();
    this.matchers.clear();
  }

  private nearestConfig(dir: string): string | undefined {
    if (this.nearest.has(dir)) return this.nearest.get(dir);
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    const parent = path.dirname(dir);
    const found = this.read(candidate) !== undefined ? candidate : parent === dir ? undefined : this.nearestConfig(parent);
    this.nearest.set(dir, found);
    return found;
  }

  private load(file: string): LoadedConfig {
    let hit = this.loaded.get(file);
    if (!hit) {
      hit = loadConfig(file, {
        read: (f) => {
          this.chainFiles.add(f);
          return this.read(f);
        },
        resolve: (from, rel) => path.resolve(path.dirname(from), rel),
      });
      this.loaded.set(file, hit);
    }
    return hit;
  }
}
