import type { JsonPath } from '../../types';
import type { RuleContext } from '../api';

/**
 * The string at `path` when an identifier rule may check it: present, a string (anything else is schema/type's), and
 * not flagged already — by the schema, or by an earlier identifier rule (semantics.md §5: one defect, one finding).
 */
export function readableString(ctx: RuleContext, path: JsonPath): string | undefined {
  const value = ctx.get(path);
  return typeof value === 'string' && !ctx.isFlagged(path) ? value : undefined;
}
