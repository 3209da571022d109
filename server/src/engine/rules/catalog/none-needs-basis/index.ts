import { defineRule } from '../../api';
import { resourceLabel, resourcesLackingShareField } from '../_shared';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'catalog/none-needs-basis',
    defaultSeverity: 'error',
    scope: 'file',
    fixable: 'none',
    summary: bilingual(
      '不予共享的信息资源必须写明依据（share.basis）',
      'A resource that is not shared must give its legal basis (share.basis)',
    ),
    source: '国发〔2016〕51号 (H)',
    kinds: ['Catalog'],
  },
  check(ctx) {
    for (const res of resourcesLackingShareField(ctx, 'none', 'basis')) {
      const code = resourceLabel(ctx, res);
      ctx.report({
        path: [...res, 'share', 'type'],
        anchor: 'value',
        message: bilingual(
          `资源 ${code} 的 share.type 为 none（不予共享），但缺少 share.basis：请在 share.basis 中写明不予共享所依据的法律、行政法规或党中央、国务院政策。`,
          `Resource ${code} has share.type none (not shared) but no share.basis: name the law, administrative regulation or central policy that rules out sharing in share.basis.`,
        ),
      });
    }
  },
});
