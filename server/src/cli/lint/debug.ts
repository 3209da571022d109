/**
 * `govspec lint --debug`: what the run did, on standard error — which config each file got, why a file was left
 * out, and the wall time of each phase.
 */
import type { IgnoreReason } from '../../host/ignore-rules';
import { CONFIG_FILE_NAME } from '../../host/names';
import type { CliConfig } from './configs';

export type DebugLog = (line: string) => void;

/** A line per phase, timed from the end of the one before: the progress labels mark where each phase is. */
export class PhaseTimer {
  private readonly started = Date.now();
  private readonly phases = new Map<string, number>();

  /** Called as the progress line would be: the phase named `label` has reached now. */
  reached(label: string): void {
    this.phases.set(label, Date.now());
  }

  lines(): string[] {
    let from = this.started;
    return [...this.phases].map(([label, until]) => {
      const line = `govspec debug: phase ${label}: ${until - from} ms`;
      from = until;
      return line;
    });
  }

  total(): string {
    return `govspec debug: total: ${Date.now() - this.started} ms`;
  }
}

export function describeConfig(governing: Pick<CliConfig, 'file' | 'config'>, display: (absolute: string) => string): string {
  return governing.file ? `${display(governing.file)} (extends ${governing.config.preset})` : `built-in recommended (no ${CONFIG_FILE_NAME} above it)`;
}

/** Why an ignore rule left a file or folder out, for `govspec debug: skipped PATH: …`. */
export function describeIgnore(reason: IgnoreReason, display: (absolute: string) => string): string {
  switch (reason.by) {
    case 'always': return `${reason.folder} folders are always ignored`;
    case 'pattern': return 'matches an --ignore-pattern';
    case 'config': return `matches an ignore pattern of ${display(reason.file)}`;
    case 'gitignore': return `matches a pattern of ${display(reason.file)}`;
  }
}

/**
 * What a walk left out, for `--debug`: a line per ignored path, except the folders every walk skips (`.git`,
 * `node_modules`, the cache folder), which are noise in a repository's listing and are counted into one line.
 */
export class SkippedLog {
  private readonly always = new Map<string, number>();

  constructor(private readonly debug: DebugLog, private readonly display: (absolute: string) => string) {}

  readonly onIgnored = (path: string, reason: IgnoreReason): void => {
    if (reason.by === 'always') this.always.set(reason.folder, (this.always.get(reason.folder) ?? 0) + 1);
    else this.debug(`govspec debug: skipped ${this.display(path)}: ${describeIgnore(reason, this.display)}`);
  };

  /** The one line for the always-skipped folders met, if any: `… .git (3), node_modules (1)`. */
  summary(): void {
    if (this.always.size === 0) return;
    const counts = [...this.always].sort(([a], [b]) => a.localeCompare(b)).map(([name, count]) => `${name} (${count})`).join(', ');
    this.debug(`govspec debug: skipped folders that are always ignored: ${counts}`);
  }
}
