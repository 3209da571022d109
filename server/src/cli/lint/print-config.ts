/** `govspec lint --print-config FILE`: the config that governs FILE, resolved, as YAML (or JSON with `-f json`). */
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import { severityOf } from '../../engine';
import type { ResolvedConfig } from '../../engine';
import { RULE_METAS } from '../../engine';
import { optionDefaults } from '../../engine';
import { displayPath } from '../files/paths';
import { NODE_FILE_SYSTEM } from '../../host/file-system';
import { Workspaces } from '../../host/workspaces';
import { CliConfigs } from './configs';

/** Every rule with the severity and options it runs at for that file, the rest of the config as merged. */
export function effectiveConfig(config: ResolvedConfig, configFile: string | undefined, cwd: string): object {
  const rules = Object.fromEntries([...RULE_METAS.values()].map((meta) => {
    const options = { ...optionDefaults(meta), ...config.rules.get(meta.id)?.options };
    const severity = severityOf(meta.id, config);
    return [meta.id, Object.keys(options).length > 0 ? { severity, ...options } : severity];
  }));
  return {
    config: configFile ? displayPath(cwd, configFile) : null,
    extends: config.preset,
    locale: config.locale ?? null,
    codePatterns: config.codePatterns,
    codeLists: config.codeLists,
    regions: { add: [...config.regionsAdd] },
    ignore: [...config.ignore],
    rules,
  };
}

export function printConfig(cwd: string, file: string, explicitConfig: string | undefined, json: boolean): string {
  const explicit = explicitConfig === undefined ? undefined : resolve(cwd, explicitConfig);
  const governing = new CliConfigs(cwd, new Workspaces(NODE_FILE_SYSTEM, { explicitConfig: explicit, gitignore: false })).of(resolve(cwd, file));
  const config = effectiveConfig(governing.config, governing.file, cwd);
  return json ? `${JSON.stringify(config, null, 2)}\n` : stringify(config, { lineWidth: 0 });
}
