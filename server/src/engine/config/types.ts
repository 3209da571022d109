import type { Locale, RuleOptionValue, SeveritySetting } from '../types';

export interface RuleSetting { severity: SeveritySetting; options: Record<string, RuleOptionValue> }

/** `ignore` globs as one config file of a chain declares them. */
export interface IgnoreSource { file: string; patterns: readonly string[] }

/** A config file after `extends` has been followed and merged (docs/semantics.md). */
export interface ResolvedConfig {
  /** The file it came from; undefined for the built-in default. */
  file: string | undefined;
  /** Severity and options for rules the config names; the rest take their defaults under `preset`. */
  rules: ReadonlyMap<string, RuleSetting>;
  preset: 'recommended' | 'strict';
  codePatterns: { basicCode?: string; implementationCode?: string; resourceCode?: string };
  codeLists: { serviceType: Readonly<Record<string, string>> };
  regionsAdd: readonly string[];
  ignore: readonly string[];
  /** The same globs with the config file that declares each, as they are relative to its folder (docs/semantics.md). */
  ignoreSources: readonly IgnoreSource[];
  locale: Locale | undefined;
}

export const DEFAULT_CONFIG: ResolvedConfig = {
  file: undefined,
  rules: new Map(),
  preset: 'recommended',
  codePatterns: {},
  codeLists: { serviceType: {} },
  regionsAdd: [],
  ignore: [],
  ignoreSources: [],
  locale: undefined,
};
