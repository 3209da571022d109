import type { ResolvedConfig } from '../../engine';
import type { Finding } from '../../engine';
import type { Workspaces } from '../../host/workspaces';
import { CliError } from '../cli-error';
import { displayPath } from '../files/paths';
import { bilingual } from '../../engine';

/** The usable config that governs a file (docs/semantics.md). */
export interface CliConfig {
  /** Absolute path of the config file; undefined for the built-in default. */
  file: string | undefined;
  config: ResolvedConfig;
  /** Findings about the config files that do not make it unusable (meta/unknown-rule), with absolute paths. */
  findings: Finding[];
}

/** The host layer's configs as the CLI takes them: a config that cannot be used stops the run (exit 2). */
export class CliConfigs {
  constructor(private readonly cwd: string, private readonly workspaces: Workspaces) {}

  /** The config of a file (or of a folder, for standard input without a name). */
  of(path: string, isFolder = false): CliConfig {
    const governing = this.workspaces.configs.of(path, isFolder);
    if (!governing.config) throw configError(this.cwd, governing.loaded!.findings.find((f) => f.ruleId === 'meta/config')!);
    return { file: governing.file, config: governing.config, findings: governing.loaded?.findings ?? [] };
  }
}

/** docs/semantics.md: `path:line:column meta/config message`. */
function configError(cwd: string, finding: Finding): CliError {
  const where = `${displayPath(cwd, finding.file)}:${finding.range.start.line + 1}:${finding.range.start.character + 1} meta/config`;
  return new CliError(bilingual(`${where} ${finding.message['zh-CN']}`, `${where} ${finding.message.en}`));
}
