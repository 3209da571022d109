import { defineRule } from '../../api';
import { readableValue } from '../../readable';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'service/fee-basis',
    defaultSeverity: 'error',
    scope: 'file',
    fixable: 'none',
    summary: bilingual('收费事项缺少收费依据', 'A charged service without the basis of its fee'),
    source: 'GB/T 39046-2020 items 31–32 (H)',
    kinds: ['Service'],
  },
  check(ctx) {
    if (readableValue(ctx, ['fee', 'charged']) !== true || ctx.get(['fee', 'basis']) !== undefined) return;
    // A fee-wide basis covers every item. Without one, each charge needs its own: when items are listed, the
    // defect is the items that lack a basis (one finding each), not the service as a whole (placement; one defect, one finding).
    const items = ctx.get(['fee', 'items']);
    if (Array.isArray(items) && items.length > 0) {
      items.forEach((_, i) => {
        const path = ['fee', 'items', i];
        const name = readableValue(ctx, [...path, 'name']);
        if (typeof name !== 'string' || ctx.isFlagged(path) || ctx.get([...path, 'basis']) !== undefined) return;
        ctx.report({
          path: [...path, 'name'],
          message: bilingual(
            `收费项目“${name}”没有收费依据，fee.basis 也未填写：请在 fee.items[${i}].basis 写明该项目的收费依据（法律法规或价格主管部门的文件），或在 fee.basis 写明整个事项的收费依据。`,
            `The fee item "${name}" has no basis, and fee.basis is not given either: write the law or pricing document that allows it in fee.items[${i}].basis, or the basis of the whole fee in fee.basis.`,
          ),
        });
      });
      return;
    }
    ctx.report({
      path: ['fee', 'charged'],
      message: bilingual(
        '事项收费（fee.charged: true）但没有收费依据：请在 fee.basis 写明收费所依据的法律法规或价格主管部门的文件。',
        'The service is charged (fee.charged: true) but gives no basis: write the law or pricing document that allows the fee in fee.basis.',
      ),
    });
  },
});
