import { defineRule } from '../../api';
import { readableValue } from '../../readable';
import { resourceLabel, resourcePaths } from '../_shared';

export const rule = defineRule({
  meta: {
    id: 'catalog/base-unconditional',
    defaultSeverity: 'warning',
    scope: 'file',
    fixable: 'none',
    summary: {
      'zh-CN': '基础信息资源应无条件共享',
      en: 'A base information resource should be shared unconditionally',
    },
    source: '国发〔2016〕51号 (M)',
    kinds: ['Catalog'],
  },
  check(ctx) {
    for (const res of resourcePaths(ctx)) {
      const type = readableValue(ctx, [...res, 'share', 'type']);
      if (readableValue(ctx, [...res, 'classification', 'category']) !== '1' || typeof type !== 'string' || type === 'unconditional') continue;
      const code = resourceLabel(ctx, res);
      ctx.report({
        path: [...res, 'share', 'type'],
        anchor: 'value',
        message: {
          'zh-CN': `资源 ${code} 是基础信息资源（classification.category 为 "1"），但 share.type 为 ${type}：基础信息资源原则上应无条件共享，请将 share.type 改为 unconditional，或核对 classification.category。`,
          en: `Resource ${code} is a base resource (classification.category "1") but its share.type is ${type}: base resources are to be shared unconditionally; set share.type to unconditional, or check classification.category.`,
        },
      });
    }
  },
});
