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
