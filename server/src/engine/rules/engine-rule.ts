import { defineRule } from './api';
import type { Rule } from './api';
import type { RuleMeta } from '../types';

/**
 * A rule whose findings the engine raises itself — lint.ts (yaml/*, schema/*, meta/internal-error), suppressions.ts
 * (meta/unused-suppression, meta/unknown-rule) or config/load.ts (meta/config). The entry exists for its metadata
 * (severity, docs, the rule index, suppressions naming it); it looks at no kind and its check does nothing.
 */
export function defineEngineRule(meta: Omit<RuleMeta, 'kinds' | 'scope'>): Rule {
  return defineRule({ meta: { ...meta, scope: 'file', kinds: [] }, check() {} });
}
