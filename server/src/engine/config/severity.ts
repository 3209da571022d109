import type { SeveritySetting } from '../types';
import { RULE_METAS } from '../rules/registry';
import type { ResolvedConfig } from './types';

/** The severity a rule runs at under a config: its setting, else its default, with `strict` raising warnings. */
export function severityOf(ruleId: string, config: ResolvedConfig): SeveritySetting {
  const set = config.rules.get(ruleId)?.severity;
  if (set) return set;
  const base = RULE_METAS.get(ruleId)?.defaultSeverity ?? 'error';
  return config.preset === 'strict' && base === 'warning' ? 'error' : base;
}
