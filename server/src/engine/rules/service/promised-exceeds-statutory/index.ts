import { defineRule } from '../../api';
import { comparable, inHours, readLimit, showLimit } from '../_shared';
import type { Limit } from '../_shared';
import { bilingual } from '../../../l10n/message';

/** Promised longer than statutory, for limits docs/semantics.md calls comparable; a zero on either side always compares. */
function exceeds(promised: Limit, statutory: Limit): boolean {
  if (promised.value === 0) return false;
  if (statutory.value === 0) return true;
  return inHours(promised) > inHours(statutory);
}

export const rule = defineRule({
  meta: {
    id: 'service/promised-exceeds-statutory',
    defaultSeverity: 'error',
    scope: 'file',
    fixable: 'suggestion',
    summary: bilingual('承诺办结时限长于法定办结时限', 'The promised time limit is longer than the statutory one'),
    source: 'local 限时办结 rules (M)',
    kinds: ['Service'],
  },
  check(ctx) {
    const promised = readLimit(ctx, 'promisedLimit');
    const statutory = readLimit(ctx, 'statutoryLimit');
    // Limits that do not compare are service/limit-unit-mismatch's finding, never also this one (one defect, one finding).
    if (!promised || !statutory || !comparable(promised, statutory) || !exceeds(promised, statutory)) return;
    const p = showLimit(promised);
    const s = showLimit(statutory);
    const edits = [{ path: ['promisedLimit', 'value'], anchor: 'value' as const, newText: ctx.sourceOf(['statutoryLimit', 'value']) ?? String(statutory.value) }];
    if (promised.unit !== statutory.unit) edits.push({ path: ['promisedLimit', 'unit'], anchor: 'value', newText: ctx.sourceOf(['statutoryLimit', 'unit']) ?? statutory.unit });
    ctx.report({
      path: ['promisedLimit', 'value'],
      message: bilingual(
        `承诺办结时限 promisedLimit（${p['zh-CN']}）长于法定办结时限 statutoryLimit（${s['zh-CN']}）：承诺时限不得超过法定时限，请缩短 promisedLimit.value。`,
        `The promised limit promisedLimit (${p.en}) is longer than the statutory limit statutoryLimit (${s.en}): a promise may not exceed the law. Shorten promisedLimit.value.`,
      ),
      fixes: [{
        title: bilingual(`将承诺时限设为法定时限（${s['zh-CN']}）`, `Set the promised limit to the statutory one (${s.en})`),
        safe: false,
        edits,
      }],
    });
  },
});
