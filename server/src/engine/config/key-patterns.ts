import { severityOf } from './severity';
import { codePattern } from './patterns';
import type { CodeMatcher } from './patterns';
import type { ResolvedConfig } from './types';

export type PatternName = keyof ResolvedConfig['codePatterns'];

/** docs/semantics.md: the built-in layouts; `resourceCode` has none and is checked only once configured. */
export const DEFAULT_PATTERNS: Readonly<Partial<Record<PatternName, string>>> = {
  basicCode: '[0-9A-Z]{1,10}',
  implementationCode: '[0-9A-Z]{1,24}',
};

/** The pattern `id/code-pattern` checks a code against under `config`: the configured one, else the built-in one. */
export function patternFor(config: ResolvedConfig, name: PatternName): string | undefined {
  return config.codePatterns[name] ?? DEFAULT_PATTERNS[name];
}

/** The patterns a workspace key (a service's implementation code, a resource code) must match to define anything. */
export interface KeyPatterns { implementationCode?: CodeMatcher; resourceCode?: CodeMatcher }

/** The pattern texts behind `KeyPatterns`: plain data, so a worker thread can compile the same patterns again. */
export type KeyPatternTexts = { [K in keyof KeyPatterns]?: string };

/**
 * The key patterns in force for the files a config governs: `id/code-pattern`'s, so a key it reports defines nothing
 * and collides with nothing (docs/semantics.md); none while that rule is off, as it then reports nothing.
 */
export function keyPatternsOf(config: ResolvedConfig): KeyPatterns {
  return compileKeyPatterns(keyPatternTextsOf(config));
}

/** `keyPatternsOf` as texts. */
export function keyPatternTextsOf(config: ResolvedConfig): KeyPatternTexts {
  if (severityOf('id/code-pattern', config) === 'off') return {};
  return { implementationCode: patternFor(config, 'implementationCode'), resourceCode: patternFor(config, 'resourceCode') };
}

export function compileKeyPatterns(texts: KeyPatternTexts): KeyPatterns {
  const matcher = (pattern: string | undefined) => (pattern === undefined ? undefined : codePattern(pattern));
  return { implementationCode: matcher(texts.implementationCode), resourceCode: matcher(texts.resourceCode) };
}
