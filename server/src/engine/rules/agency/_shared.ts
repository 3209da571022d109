import { checkUscc } from '../../ids/uscc';
import type { JsonPath } from '../../types';
import type { RuleContext } from '../api';

/**
 * The USCC at `path` when agency rules may look it up: a string, not flagged already, and passing the GB 32100
 * check. The check is repeated here because id/uscc may be switched off, and a malformed code is still that rule's
 * defect, never "unknown" or "duplicate" as well (semantics.md §5).
 */
export function checkedUscc(ctx: RuleContext, path: JsonPath): string | undefined {
  const code = ctx.get(path);
  return typeof code === 'string' && !ctx.isFlagged(path) && !checkUscc(code) ? code : undefined;
}
