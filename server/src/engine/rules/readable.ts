import type { JsonPath } from '../types';
import type { RuleContext } from './api';

/**
 * docs/semantics.md, one defect, one finding: a field's value when rules may read it, or undefined when it is missing
 * or it, something inside it or a list holding it already carries a yaml/schema/id finding (reported by that rule).
 */
export function readableValue(ctx: RuleContext, path: JsonPath): unknown {
  return ctx.isFlagged(path) ? undefined : ctx.get(path);
}

/**
 * The string at `path` when a rule may check it: present, a string (anything else is schema/type's), and
 * not flagged already — by the schema, or by an earlier identifier rule (docs/semantics.md: one defect, one finding).
 */
export function readableString(ctx: RuleContext, path: JsonPath): string | undefined {
  const value = ctx.get(path);
  return typeof value === 'string' && !ctx.isFlagged(path) ? value : undefined;
}
