import { defineRule } from '../../api';
import { resourceLabel, resourcesLackingShareField } from '../_shared';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'catalog/conditional-needs-condition',
    defaultSeverity: 'error',
    scope: 'file',
    fixable: 'none',
    summary: bilingual(
      '有条件共享的信息资源必须写明共享条件（share.condition）',
      'A conditionally shared resource must state its condition (share.condition)',
    ),
    source: '国发〔2016〕51号 (M)',
    kinds: ['Catalog'],
  },
  check(ctx) {
    for (const res of resourcesLackingShareField(ctx, 'conditional', 'condition')) {
      const code = resourceLabel(ctx, res);
      ctx.report({
        path: [...res, 'share', 'type'],
        anchor: 'value',
        message: bilingual(
          `资源 ${code} 的 share.type 为 conditional（有条件共享），但缺少 share.condition：请在 share.condition 中写明共享条件，供使用部门申请时对照。`,
          `Resource ${code} has share.type conditional but no share.condition: state in share.condition the condition under which it is shared, so that consumers know what to apply for.`,
        ),
      });
    }
  },
});
