import { existsSync } from 'node:fs';
import { LIMITS } from '../../engine/yaml/parse';
import { readRegularFile } from '../files/read-regular';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { loadConfig } from '../../engine/config/load';
import type { ConfigHost } from '../../engine/config/load';
import { DEFAULT_CONFIG } from '../../engine/config/types';
import type { ResolvedConfig } from '../../engine/config/types';
import type { Finding } from '../../engine/types';
import { CliError } from '../cli-error';
import { CONFIG_FILE_NAME } from '../files/walk';
import { displayPath } from '../files/paths';

/** The config that governs a file, and the workspace it defines (docs/semantics.md). */
export interface Governing {
  /** Absolute path of the config file; undefined for the built-in default. */
  file: string | undefined;
  /** The workspace folder: the config's folder, or the working directory. */
  root: string;
  config: ResolvedConfig;
  /** Findings about the config files that do not make it unusable (meta/unknown-rule), with absolute paths. */
  findings: Finding[];
  /** Whether a file is ignored: it, or a folder holding it, matches an `ignore` glob relative to the config's folder. */
  isIgnored(file: string): boolean;
}

const FS_HOST: ConfigHost = {
  read(file) {
    // A config, or what it extends, that is a FIFO or a device is `meta/config` (it cannot be read), never a hang.
    const read = readRegularFile(file, { maxBytes: LIMITS.fileBytes });
    return read.kind === 'bytes' ? read.bytes.toString('utf8') : undefined;
  },
  resolve: (from, rel) => resolve(dirname(from), rel),
};

/** Finds and loads configs once per folder and per file. An unusable config stops the run (exit 2). */
export class ConfigResolver {
  private readonly byFolder = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, Governing>();
  private readonly fallback: Governing;

  /** `explicit`: the `--config` file, which governs every file, with the working directory as the workspace. */
  constructor(private readonly cwd: string, private readonly explicit?: string) {
    this.fallback = governing(undefined, cwd, DEFAULT_CONFIG, []);
  }

  /** The config of a file (or of a folder, for standard input without a name). */
  of(file: string, isFolder = false): Governing {
    if (this.explicit) return this.load(this.explicit, this.cwd);
    const found = this.nearest(isFolder ? file : dirname(file));
    return found ? this.load(found, dirname(found)) : this.fallback;
  }

  private nearest(folder: string): string | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    const candidate = join(folder, CONFIG_FILE_NAME);
    const parent = dirname(folder);
    const found = existsSync(candidate) ? candidate : parent === folder ? undefined : this.nearest(parent);
    this.byFolder.set(folder, found);
    return found;
  }

  private load(file: string, root: string): Governing {
    const hit = this.loaded.get(file);
    if (hit) return hit;
    const { config, findings } = loadConfig(file, FS_HOST);
    if (!config) throw configError(this.cwd, findings.find((f) => f.ruleId === 'meta/config')!);
    const result = governing(file, root, config, findings);
    this.loaded.set(file, result);
    return result;
  }
}

function governing(file: string | undefined, root: string, config: ResolvedConfig, findings: Finding[]): Governing {
  const folder = file ? dirname(file) : root;
  const matches = config.ignore.length > 0 ? picomatch([...config.ignore], { dot: true }) : undefined;
  return {
    file, root, config, findings,
    isIgnored(target) {
      if (!matches) return false;
      const rel = relative(folder, target);
      if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return false;
      const parts = rel.split(sep);
      return parts.some((_, i) => matches(parts.slice(0, i + 1).join('/')));
    },
  };
}

/** docs/semantics.md: `path:line:column meta/config message`. */
function configError(cwd: string, finding: Finding): CliError {
  const where = `${displayPath(cwd, finding.file)}:${finding.range.start.line + 1}:${finding.range.start.character + 1} meta/config`;
  return new CliError({ 'zh-CN': `${where} ${finding.message['zh-CN']}`, en: `${where} ${finding.message.en}` });
}
